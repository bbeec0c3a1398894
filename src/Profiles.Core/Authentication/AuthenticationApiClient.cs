using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Profiles.Core.Settings;
using Profiles.Core.Management;

namespace Profiles.Core.Authentication;

/// <summary>Typed client for the Authentication API; its <see cref="HttpClient"/>'s pipeline has an attempt timeout and no
/// retry on purpose (see <see cref="Resilience.AuthenticationResiliencePipeline"/>).</summary>
public sealed class AuthenticationApiClient(HttpClient httpClient, IOptions<Auth0Options> auth0, TimeProvider timeProvider) : IAuthenticationApiClient
{
    public async Task ChangePasswordAsync(string email, string connection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var options = auth0.Value;
        var body = new ChangePasswordRequest { ClientId = options.ClientId, Email = email, Connection = connection };
        using var content = JsonContent.Create(body, ManagementJsonContext.Default.ChangePasswordRequest);
        var uri = new Uri(options.Authority + "/dbconnections/change_password", UriKind.Absolute);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.PostAsync(uri, content, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AuthenticationApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "The request timed out.", null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AuthenticationApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "The request timed out.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AuthenticationApiException(HttpStatusCode.ServiceUnavailable, ManagementApiException.NetworkErrorCode, "The tenant could not be reached.", null, ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var (code, message) = await AuthenticationErrorReader.ReadAsync(response, cancellationToken);
            var rateLimit = RateLimitInfoReader.Read(response.Headers, timeProvider.GetUtcNow(), response.StatusCode == HttpStatusCode.TooManyRequests);
            throw new AuthenticationApiException(response.StatusCode, code, message, rateLimit);
        }
    }
}
