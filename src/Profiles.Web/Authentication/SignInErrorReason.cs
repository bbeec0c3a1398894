using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Profiles.Web.Authentication;

/// <summary>The reasons <c>/account/signin-error</c> explains; each has a title and an explanation in the resources.</summary>
public static class SignInErrorReason
{
    public const string Blocked = "blocked";
    public const string Unauthorized = "unauthorized";
    public const string AccessDenied = "access_denied";
    public const string LoginRequired = "login_required";
    public const string InvalidToken = "invalid_token";
    public const string Expired = "expired";
    public const string ProviderError = "provider_error";
    public const string Failed = "failed";
    public const string OtherAccount = "other_account";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Blocked, Unauthorized, AccessDenied, LoginRequired, InvalidToken, Expired, ProviderError, Failed, OtherAccount,
    };

    /// <summary>Maps an Auth0 error redirect (<c>error</c>, <c>error_description</c>) or a local failure to a reason.</summary>
    public static string From(string? error, string? errorDescription, Exception? failure)
    {
        if (!string.IsNullOrEmpty(error))
        {
            return error switch
            {
                "unauthorized" when errorDescription?.Contains("blocked", StringComparison.OrdinalIgnoreCase) == true => Blocked,
                "unauthorized" => Unauthorized,
                "access_denied" => AccessDenied,
                "login_required" or "interaction_required" or "consent_required" => LoginRequired,
                _ => ProviderError,
            };
        }

        return failure switch
        {
            IdTokenRejectedException { Message: IdTokenRejectedException.OtherAccountMessage } => OtherAccount,
            IdTokenRejectedException => InvalidToken,
            // The handler's own ID token checks: signature, issuer, audience, lifetime, nonce.
            SecurityTokenException or OpenIdConnectProtocolException => InvalidToken,
            { Message: var message } when message.Contains("state", StringComparison.OrdinalIgnoreCase) ||
                                          message.Contains("Correlation", StringComparison.OrdinalIgnoreCase) => Expired,
            _ => Failed,
        };
    }
}
