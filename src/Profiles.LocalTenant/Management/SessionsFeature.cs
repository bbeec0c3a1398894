using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.Management;

/// <summary>
/// The tenant's sessions plan, changeable while it runs (<c>PUT /local/sessions</c>): whether the sessions endpoints are
/// served (Auth0 serves them on Enterprise plans only) and how long an ended session still lists (Auth0's deletes are
/// asynchronous). Starts from <see cref="LocalTenantOptions.SessionsApi"/> and <see cref="LocalTenantOptions.SessionDeleteDelaySeconds"/>.
/// </summary>
public sealed class SessionsFeature(IOptions<LocalTenantOptions> options)
{
    /// <summary>What a tenant without the entitlement answers (UNVERIFIED; see docs/decisions): 403 with this message.</summary>
    public const string NotEnabledMessage = "This feature is not enabled for this tenant.";

    private volatile bool _enabled = options.Value.SessionsApi;
    private long _deleteDelayTicks = TimeSpan.FromSeconds(options.Value.SessionDeleteDelaySeconds).Ticks;

    public bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    public TimeSpan DeleteDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _deleteDelayTicks));
        set => Interlocked.Exchange(ref _deleteDelayTicks, Math.Max(0, value.Ticks));
    }
}
