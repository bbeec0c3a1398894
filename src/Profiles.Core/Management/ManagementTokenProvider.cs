using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Core.Authentication;

namespace Profiles.Core.Management;

/// <summary>Client-credentials token for the Management API, cached until 60 s before it expires, refreshed single-flight.</summary>
public sealed partial class ManagementTokenProvider : IManagementTokenProvider
{
    /// <summary>Name of the <see cref="HttpClient"/> used for <c>POST /oauth/token</c> (no token handler, no retries).</summary>
    public const string HttpClientName = "Profiles.Auth0.Token";

    /// <summary>A token is replaced this long before it expires, so that no request leaves with an expiring token.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<ManagementApiOptions> _options;
    private readonly IOptions<Auth0Options> _auth0;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ManagementTokenProvider> _logger;
    private readonly Lock _gate = new();
    private CachedToken? _cached;
    private Task<CachedToken>? _refresh;

    public ManagementTokenProvider(IHttpClientFactory httpClientFactory, IOptions<ManagementApiOptions> options, IOptions<Auth0Options> auth0,
        TimeProvider timeProvider, ILogger<ManagementTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _auth0 = auth0;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<CachedToken> refresh;
        lock (_gate)
        {
            if (_cached is { } cached && _timeProvider.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }

            _refresh ??= FetchAsync();
            refresh = _refresh;
        }

        // The shared request is not cancelled by one caller giving up; each caller stops waiting on its own token.
        var result = await refresh.WaitAsync(cancellationToken);
        return result.Token;
    }

    /// <summary>How old a refused token must be before a 401 may force a new one (at most one forced refresh per interval).</summary>
    public static readonly TimeSpan MinimumForcedRefreshAge = TimeSpan.FromSeconds(30);

    public void Invalidate(string? rejectedToken = null)
    {
        lock (_gate)
        {
            if (rejectedToken is null
                || (_cached?.Token == rejectedToken && _timeProvider.GetUtcNow() - _cached.IssuedAt >= MinimumForcedRefreshAge))
            {
                _cached = null;
            }
        }
    }

    private async Task<CachedToken> FetchAsync()
    {
        // Leave the caller's lock before doing anything that could complete synchronously.
        await Task.Yield();
        try
        {
            var entry = await RequestTokenAsync();
            lock (_gate)
            {
                _cached = entry;
                _refresh = null;
            }

            return entry;
        }
        catch
        {
            lock (_gate)
            {
                _refresh = null;
            }

            throw;
        }
    }

    private async Task<CachedToken> RequestTokenAsync()
    {
        var options = _options.Value;
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, _timeProvider);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["audience"] = options.Audience,
        });
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var uri = new Uri(_auth0.Value.Authority + "/oauth/token", UriKind.Absolute);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(uri, form, timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
        {
            throw new ManagementApiException(System.Net.HttpStatusCode.GatewayTimeout, ManagementApiException.TimeoutErrorCode, "The token request timed out.", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ManagementApiException(System.Net.HttpStatusCode.ServiceUnavailable, ManagementApiException.NetworkErrorCode, "The tenant could not be reached.", null, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await AuthenticationErrorReader.ReadAsync(response, timeout.Token);
                LogTokenRequestFailed(_logger, (int)response.StatusCode, error.Code);
                var rateLimit = RateLimitInfoReader.Read(response.Headers, _timeProvider.GetUtcNow(), response.StatusCode == System.Net.HttpStatusCode.TooManyRequests);
                throw new ManagementApiException(response.StatusCode, error.Code, error.Message, rateLimit);
            }

            Models.TokenResponse? token;
            try
            {
                token = await response.Content.ReadFromJsonAsync(ManagementJsonContext.Default.TokenResponse, timeout.Token);
            }
            catch (JsonException ex)
            {
                throw new ManagementApiException(response.StatusCode, "invalid_body", "The token response was not JSON.", null, ex);
            }

            if (token is null || string.IsNullOrEmpty(token.AccessToken))
            {
                throw new ManagementApiException(response.StatusCode, "invalid_body", "The token response had no access token.", null);
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(token.ExpiresIn, 0));
            var usable = lifetime > RefreshMargin * 2 ? lifetime - RefreshMargin : lifetime / 2;
            LogTokenIssued(_logger, token.ExpiresIn);
            var now = _timeProvider.GetUtcNow();
            return new CachedToken(token.AccessToken, now, now + usable);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Management API token issued, expires in {ExpiresIn} s")]
    private static partial void LogTokenIssued(ILogger logger, int expiresIn);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Management API token request failed with {Status} ({ErrorCode})")]
    private static partial void LogTokenRequestFailed(ILogger logger, int status, string? errorCode);

    private sealed record CachedToken(string Token, DateTimeOffset IssuedAt, DateTimeOffset RefreshAt);
}
