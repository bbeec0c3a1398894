using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polly.Timeout;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for the My Account API. The token travels per request (it is the user's, not the portal's); the
/// base address is <c>{authority}/me/v1/</c>.</summary>
public sealed class MyAccountClient(HttpClientSource http, TimeProvider timeProvider) : IMyAccountClient
{
    private const string MethodsPath = "authentication-methods";

    public MyAccountClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public async Task<IReadOnlyList<MyAccountAuthenticationMethod>> GetMethodsAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, MethodsPath, accessToken, null, cancellationToken);
        return (await ReadAsync(response, MyAccountJsonContext.Default.MyAccountMethodList, cancellationToken)).AuthenticationMethods;
    }

    public async Task RenameAsync(string accessToken, string methodId, string name, CancellationToken cancellationToken = default)
    {
        var content = JsonContent.Create(new AuthenticationMethodNameUpdate(name), MyAccountJsonContext.Default.AuthenticationMethodNameUpdate);
        using var response = await SendAsync(HttpMethod.Patch, MethodPath(methodId), accessToken, content, cancellationToken);
    }

    public async Task DeleteAsync(string accessToken, string methodId, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Delete, MethodPath(methodId), accessToken, null, cancellationToken);
    }

    public async Task<MyAccountEnrollment> StartEnrollmentAsync(string accessToken, MyAccountEnrollmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = JsonContent.Create(request, MyAccountJsonContext.Default.MyAccountEnrollmentRequest);
        using var response = await SendAsync(HttpMethod.Post, MethodsPath, accessToken, content, cancellationToken);
        var enrollment = await ReadAsync(response, MyAccountJsonContext.Default.MyAccountEnrollment, cancellationToken);
        enrollment.LocationSegment = LastSegment(response.Headers.Location) ?? (enrollment.Id is { Length: > 0 } id ? Uri.EscapeDataString(id) : null);
        return enrollment;
    }

    public async Task VerifyAsync(string accessToken, string methodSegment, MyAccountVerifyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodSegment);
        ArgumentNullException.ThrowIfNull(request);
        var content = JsonContent.Create(request, MyAccountJsonContext.Default.MyAccountVerifyRequest);
        using var response = await SendAsync(HttpMethod.Post, MethodsPath + "/" + methodSegment + "/verify", accessToken, content, cancellationToken);
    }

    private static string MethodPath(string methodId)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodId);
        return MethodsPath + "/" + Uri.EscapeDataString(methodId);
    }

    /// <summary>The method segment of a <c>Location</c> header such as <c>…/authentication-methods/passkey%7Cnew</c>, kept
    /// encoded: Auth0 says to use it without modification.</summary>
    private static string? LastSegment(Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var text = location.IsAbsoluteUri ? location.GetComponents(UriComponents.Path, UriFormat.UriEscaped) : location.OriginalString;
        var segment = text.TrimEnd('/').Split('/')[^1];
        return segment.Length == 0 || segment == MethodsPath ? null : segment;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accessToken, HttpContent? content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.Get().SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new MyAccountApiException(HttpStatusCode.GatewayTimeout, "timeout", null, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MyAccountApiException(HttpStatusCode.GatewayTimeout, "timeout", null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MyAccountApiException(HttpStatusCode.ServiceUnavailable, "network_error", null, null, ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await CreateExceptionAsync(response, cancellationToken);
        }
    }

    private async Task<MyAccountApiException> CreateExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        MyAccountErrorBody? body;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            body = text.Length > 0 ? JsonSerializer.Deserialize(text, MyAccountJsonContext.Default.MyAccountErrorBody) : null;
        }
        catch (JsonException)
        {
            body = null;
        }

        var rateLimit = RateLimitInfoReader.Read(response.Headers, timeProvider.GetUtcNow(), response.StatusCode == HttpStatusCode.TooManyRequests);
        return new MyAccountApiException(response.StatusCode, body?.Title ?? response.ReasonPhrase, body?.Detail, rateLimit);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new MyAccountApiException(response.StatusCode, "empty_body", null, null);
        }
        catch (JsonException ex)
        {
            throw new MyAccountApiException(response.StatusCode, "invalid_body", null, null, ex);
        }
    }
}
