namespace Profiles.LocalTenant.MyAccount;

/// <summary>The signed-in user a My Account API token was issued for, and its scopes.</summary>
public sealed record MyAccountCaller(string UserId, IReadOnlySet<string> Scopes)
{
    public static MyAccountCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<MyAccountCaller>()
            ?? throw new InvalidOperationException("The My Account API endpoint ran without its scope filter.");
    }
}
