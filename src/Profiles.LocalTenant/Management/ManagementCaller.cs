namespace Profiles.LocalTenant.Management;

/// <summary>Who called the Management API, from the validated bearer token.</summary>
/// <param name="Subject">The token's <c>sub</c>: <c>{client}@clients</c> for machine tokens, a user id for user tokens.</param>
/// <param name="AuthorizedParty">The token's <c>azp</c>: the client the token was issued to.</param>
public sealed record ManagementCaller(string Subject, string? AuthorizedParty, IReadOnlySet<string> Scopes)
{
    public static ManagementCaller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ManagementCaller>()
            ?? throw new InvalidOperationException("The Management API endpoint ran without its scope filter.");
    }
}
