using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Profiles.Core.SignInMethods;
using Profiles.Web.Authentication;

namespace Profiles.Web.SignInMethods;

/// <summary>Reads and clears the candidate cookie.</summary>
public static class LinkCandidateCookie
{
    public static async Task<LinkCandidate?> ReadAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var result = await httpContext.AuthenticateAsync(LinkAuthentication.CandidateScheme);
        return result.Succeeded ? FromPrincipal(result.Principal) : null;
    }

    public static Task ClearAsync(HttpContext httpContext) => httpContext.SignOutAsync(LinkAuthentication.CandidateScheme);

    public static ClaimsPrincipal ToPrincipal(LinkCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var claims = new List<Claim>
        {
            new(LinkClaimTypes.Initiator, candidate.InitiatorUserId),
            new(PortalClaimTypes.Subject, candidate.UserId),
            new(LinkClaimTypes.Connection, candidate.Connection),
            new(PortalClaimTypes.EmailVerified, candidate.EmailVerified ? "true" : "false"),
            new(PortalClaimTypes.AuthTime, candidate.AuthenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        if (candidate.Email is not null)
        {
            claims.Add(new Claim(PortalClaimTypes.Email, candidate.Email));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, LinkAuthentication.CandidateScheme));
    }

    private static LinkCandidate? FromPrincipal(ClaimsPrincipal principal)
    {
        string? Find(string type) => principal.FindFirst(type)?.Value;
        var initiator = Find(LinkClaimTypes.Initiator);
        var subject = Find(PortalClaimTypes.Subject);
        var connection = Find(LinkClaimTypes.Connection);
        if (initiator is null || subject is null || connection is null ||
            !long.TryParse(Find(PortalClaimTypes.AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var authTime))
        {
            return null;
        }

        return new LinkCandidate(initiator, subject, Find(PortalClaimTypes.Email),
            string.Equals(Find(PortalClaimTypes.EmailVerified), "true", StringComparison.OrdinalIgnoreCase), connection,
            DateTimeOffset.FromUnixTimeSeconds(authTime));
    }
}
