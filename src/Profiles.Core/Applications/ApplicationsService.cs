using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Logging;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Settings;

namespace Profiles.Core.Applications;

/// <summary>Grants (<c>/grants?user_id=</c>) and refresh tokens (<c>/users/{id}/refresh-tokens</c>) grouped by application.
/// A page view costs one grants call, one refresh-token call per 50 tokens (bounded), and one <c>/clients/{id}</c> call per
/// application whose name is neither configured nor remembered.</summary>
public sealed partial class ApplicationsService : IApplicationsService
{
    private readonly IGrantsClient _grants;
    private readonly IRefreshTokensClient _refreshTokens;
    private readonly IClientsClient _clients;
    private readonly ClientNames _names;
    private readonly ISecurityEventLog _events;
    private readonly IProfileService _profiles;
    private readonly IEmailSender _email;
    private readonly IApplicationRemovedNotice _notice;
    private readonly ApplicationsOptions _options;
    private readonly string _portalClientId;
    private readonly UserLogKey _logKey;
    private readonly ILogger<ApplicationsService> _logger;

    public ApplicationsService(IGrantsClient grants, IRefreshTokensClient refreshTokens, IClientsClient clients, ClientNames names,
        ISecurityEventLog events, IProfileService profiles, IEmailSender email, IApplicationRemovedNotice notice,
        IOptions<ApplicationsOptions> options, IOptions<Auth0Options> auth0, IOptions<ManagementApiOptions> managementOptions,
        ILogger<ApplicationsService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(auth0);
        ArgumentNullException.ThrowIfNull(managementOptions);
        _grants = grants;
        _refreshTokens = refreshTokens;
        _clients = clients;
        _names = names;
        _events = events;
        _profiles = profiles;
        _email = email;
        _notice = notice;
        _options = options.Value;
        _portalClientId = auth0.Value.ClientId;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _logger = logger;
    }

    public async Task<ServiceResult<ConnectedApplications>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        try
        {
            var grants = await _grants.GetAllAsync(userId, cancellationToken);
            var (tokens, tokensAvailable) = await ReadRefreshTokensAsync(userId, cancellationToken);
            var applications = new List<ConnectedApplication>();
            var clientIds = grants.Select(g => g.ClientId).Concat(tokens.Select(t => t.ClientId))
                .OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);
            foreach (var clientId in clientIds)
            {
                var ownTokens = tokens.Where(t => t.ClientId == clientId).ToList();
                var scopes = grants.Where(g => g.ClientId == clientId).SelectMany(g => g.Scope)
                    .Concat(ownTokens.SelectMany(t => t.ResourceServers).SelectMany(r => (r.Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                // The page names the portal itself in its own words: no call for its name.
                var isPortal = clientId == _portalClientId;
                var name = isPortal ? null : await _names.NameOfAsync(_clients, clientId, cancellationToken);
                applications.Add(new ConnectedApplication(clientId, name, scopes,
                    ownTokens.Select(t => t.CreatedAt).Min(),
                    ownTokens.Select(t => t.LastExchangedAt ?? t.CreatedAt).Max(),
                    ownTokens.Count, isPortal));
            }

            var ordered = applications.OrderByDescending(a => a.LastUsedAt ?? DateTimeOffset.MinValue)
                .ThenBy(a => a.Name ?? a.ClientId, StringComparer.CurrentCultureIgnoreCase).ToList();
            return ServiceResults.Success(new ConnectedApplications(ordered, tokensAvailable));
        }
        catch (ManagementApiException ex)
        {
            LogListFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return ex.IsTransient
                ? ServiceResult.Busy(ApplicationsCodes.Busy, ex.RateLimit?.RetryAfter).As<ConnectedApplications>()
                : ServiceResult.Refused(ApplicationsCodes.Failed).As<ConnectedApplications>();
        }
    }

    public async Task<ServiceResult> RemoveAsync(string userId, string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return ServiceResult.Refused(ApplicationsCodes.NotConnected);
        }

        if (clientId == _portalClientId)
        {
            return ServiceResult.Refused(ApplicationsCodes.IsPortal);
        }

        try
        {
            // Only the signed-in user's own grants and tokens are looked up; the client id from the form just filters them.
            var grants = (await _grants.GetAllAsync(userId, cancellationToken)).Where(g => g.ClientId == clientId).ToList();
            var (tokens, _) = await ReadRefreshTokensAsync(userId, cancellationToken);
            var ownTokens = tokens.Where(t => t.ClientId == clientId).ToList();
            if (grants.Count == 0 && ownTokens.Count == 0)
            {
                return ServiceResult.Refused(ApplicationsCodes.NotConnected);
            }

            foreach (var grant in grants)
            {
                await _grants.DeleteAsync(grant.Id, cancellationToken);
            }

            foreach (var token in ownTokens)
            {
                await _refreshTokens.DeleteAsync(token.Id, cancellationToken);
            }
        }
        catch (ManagementApiException ex)
        {
            LogRemoveFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            await _events.RecordAsync(userId, ApplicationsSecurityActions.ApplicationRemoved, SecurityOutcomes.Failed, clientId, cancellationToken);
            return ex.IsTransient ? ServiceResult.Busy(ApplicationsCodes.Busy, ex.RateLimit?.RetryAfter) : ServiceResult.Refused(ApplicationsCodes.Failed);
        }

        await _events.RecordAsync(userId, ApplicationsSecurityActions.ApplicationRemoved, SecurityOutcomes.Succeeded, clientId, cancellationToken);
        await NotifyAsync(userId, clientId, cancellationToken);
        return ServiceResult.Success(ApplicationsCodes.Removed);
    }

    /// <summary>The user's refresh tokens, page by page up to the configured bound; (empty, false) when Auth0 refuses the list
    /// (a plan without the endpoint answers 403 or 404), so grants still show.</summary>
    private async Task<(IReadOnlyList<RefreshToken> Tokens, bool Available)> ReadRefreshTokensAsync(string userId, CancellationToken cancellationToken)
    {
        var tokens = new List<RefreshToken>();
        string? cursor = null;
        try
        {
            for (var page = 0; page < _options.MaxRefreshTokenPages; page++)
            {
                var result = await _refreshTokens.GetUserRefreshTokensAsync(userId, 50, cursor, cancellationToken);
                tokens.AddRange(result.Tokens);
                cursor = result.Next;
                if (string.IsNullOrEmpty(cursor) || result.Tokens.Count == 0)
                {
                    break;
                }
            }
        }
        catch (ManagementApiException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            LogRefreshTokensUnavailable(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return ([], false);
        }

        return (tokens, true);
    }

    private async Task NotifyAsync(string userId, string clientId, CancellationToken cancellationToken)
    {
        var profile = await _profiles.GetProfileAsync(userId, cancellationToken);
        if (!profile.EmailVerified || string.IsNullOrWhiteSpace(profile.Email))
        {
            // An unverified address may belong to someone else: no security notice goes there.
            LogNoticeSkipped(_logger, _logKey.For(userId));
            return;
        }

        var name = await _names.NameOfAsync(_clients, clientId, cancellationToken) ?? clientId;
        try
        {
            await _email.SendAsync(_notice.Compose(profile, profile.Email, name), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogNoticeFailed(_logger, _logKey.For(userId), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4802, Level = LogLevel.Warning, Message = "Connected applications of {UserKey} not listed: {Status} ({ErrorCode})")]
    private static partial void LogListFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4803, Level = LogLevel.Warning, Message = "Application access of {UserKey} not removed: {Status} ({ErrorCode})")]
    private static partial void LogRemoveFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Information, Message = "Refresh tokens of {UserKey} not listed (plan or scope): {Status} ({ErrorCode})")]
    private static partial void LogRefreshTokensUnavailable(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4805, Level = LogLevel.Information, Message = "Application removal notice for {UserKey} not sent: the address is not verified")]
    private static partial void LogNoticeSkipped(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4806, Level = LogLevel.Warning, Message = "Application removal notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string userKey, string failure);
}
