namespace Profiles.Core.Authentication;

/// <summary>The Authentication API calls the portal makes on the server side.</summary>
public interface IAuthenticationApiClient
{
    /// <summary><c>POST /dbconnections/change_password</c>: asks Auth0 to email a reset link. Auth0 answers the same way whether or
    /// not the address exists. Never retried (it sends an email); a 429 throws <see cref="AuthenticationApiException"/> with
    /// <see cref="AuthenticationApiException.RateLimit"/> (the limit is 1 per minute per IP and email).</summary>
    Task ChangePasswordAsync(string email, string connection, CancellationToken cancellationToken);
}
