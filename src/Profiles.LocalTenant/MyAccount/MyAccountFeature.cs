using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>Whether the My Account API is activated, changeable while the tenant runs (<c>PUT /local/my-account</c>). Starts from
/// <see cref="LocalTenantOptions.MyAccountApi"/>.</summary>
public sealed class MyAccountFeature(IOptions<LocalTenantOptions> options)
{
    private volatile bool _activated = options.Value.MyAccountApi;

    public bool Activated
    {
        get => _activated;
        set => _activated = value;
    }
}
