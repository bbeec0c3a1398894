using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Profiles.Core.Management.Models;
using Profiles.Core.Resilience;

namespace Profiles.Core.Management;

/// <summary>Sends one Management API request and turns every failure into a <see cref="ManagementApiException"/>.</summary>
internal sealed class ManagementConnection(HttpClientSource http, TimeProvider timeProvider)
{
    public static HttpContent Json<T>(T body, JsonTypeInfo<T> typeInfo) => JsonContent.Create(body, typeInfo);

    public static string UserPath(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return "users/" + Uri.EscapeDataString(userId);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken,
        bool safeToRepeat = true)
    {
        using var response = await SendCoreAsync(method, path, content, safeToRepeat, cancellationToken);
        try
        {
            var body = await response.Content.ReadFromJsonAsync(responseType, cancellationToken);
            return body ?? throw new ManagementApiException(response.StatusCode, "empty_body", "The response had no body.", null);
        }
        catch (JsonException ex)
        {
            throw new ManagementApiException(response.StatusCode, "invalid_body", "The response was not the expected JSON.", null, ex);
        }
    }

    public async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content, true, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, HttpContent? content, bool safeToRepeat, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (!safeToRepeat)
        {
            RetryableRequest.MarkNotSafeToRepeat(request);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.Get().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAfter = ex.RetryAfter;
            throw new ManagementApiException(HttpStatusCode.ServiceUnavailable, ManagementApiException.CircuitOpenErrorCode,
                "Calls are paused after repeated failures.", new RateLimitInfo(null, null, null, retryAfter), ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ManagementApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "The request timed out.", null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ManagementApiException(HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "The request timed out.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ManagementApiException(HttpStatusCode.ServiceUnavailable, ManagementApiException.NetworkErrorCode, "The tenant could not be reached.", null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateExceptionAsync(response, timeProvider.GetUtcNow(), cancellationToken);
        }
    }

    internal static async Task<ManagementApiException> CreateExceptionAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ManagementErrorBody? body = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (text.Length > 0)
            {
                body = JsonSerializer.Deserialize(text, ManagementJsonContext.Default.ManagementErrorBody);
            }
        }
        catch (JsonException)
        {
            body = null;
        }

        var rateLimit = RateLimitInfoReader.Read(response.Headers, now, response.StatusCode == HttpStatusCode.TooManyRequests);
        var message = string.IsNullOrEmpty(body?.Message) ? response.ReasonPhrase : body.Message;
        return new ManagementApiException(response.StatusCode, body?.ErrorCode, message, rateLimit);
    }
}
