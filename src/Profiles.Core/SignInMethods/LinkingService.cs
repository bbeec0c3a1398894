using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Telemetry;
using Profiles.Core.Writes;

namespace Profiles.Core.SignInMethods;

/// <summary>
/// Linking rules (rate-limits-and-security.md 2.2.1): the user proved control of both accounts (the portal session and a fresh
/// sign-in with the second one), both emails are verified when the connection requires it, the second account stands alone,
/// and the main identity is never removed. Links server-side with <c>update:users</c>.
/// </summary>
public sealed partial class LinkingService(
    IUsersClient users,
    IProfileService profiles,
    IEmailSender email,
    ILinkingNotices notices,
    ISecurityEventLog securityEvents,
    JourneyMetrics journeys,
    IOptions<LinkingOptions> options,
    IOptions<PreferencesOptions> preferences,
    TimeProvider timeProvider,
    WriteReconciler reconciler,
    ILogger<LinkingService> logger) : ILinkingService
{
    private const string CandidateFields = "user_id,email,email_verified,identities,user_metadata,app_metadata";

    public async Task<ServiceResult> CanStartAsync(string userId, string connection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var settings = options.Value.Find(connection);
        if (settings is null)
        {
            return await RefuseAsync(userId, LinkRefusal.UnknownConnection, cancellationToken);
        }

        var profile = await profiles.GetProfileAsync(userId, cancellationToken);
        return settings.RequireVerifiedEmail && !profile.EmailVerified
            ? await RefuseAsync(userId, LinkRefusal.PrimaryEmailUnverified, cancellationToken)
            : ServiceResult.Success();
    }

    public async Task<ServiceResult<LinkPreview>> PreviewAsync(string userId, LinkCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(candidate);
        try
        {
            var (result, _) = await CheckAsync(userId, candidate, cancellationToken);
            return result.Succeeded ? result : (await RefuseAsync(userId, result.Code!, cancellationToken)).As<LinkPreview>();
        }
        catch (ManagementApiException ex) when (ToRefusal(ex) is { } refusal)
        {
            return (await RefuseAsync(userId, refusal.Code!, cancellationToken, refusal.RetryAfter)).As<LinkPreview>();
        }
    }

    public async Task<ServiceResult<LinkPreview>> LinkAsync(string userId, LinkCandidate candidate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(candidate);
        try
        {
            var (result, identity) = await CheckAsync(userId, candidate, cancellationToken);
            if (!result.Succeeded)
            {
                return (await RefuseAsync(userId, result.Code!, cancellationToken)).As<LinkPreview>();
            }

            var write = await reconciler.WriteAsync(userId,
                ct => users.LinkAccountAsync(userId, identity!.Provider!, identity.UserId!, null, ct),
                stored => stored.Identities.Any(i => i.Provider == identity!.Provider && i.UserId == identity.UserId), cancellationToken);
            if (write.Outcome != WriteOutcome.Saved)
            {
                return (await RefuseAsync(userId, Uncertain(write), cancellationToken, write.Failure!.RateLimit?.RetryAfter)).As<LinkPreview>();
            }

            var profile = write.Stored ?? await RefreshAfterChangeAsync(userId, cancellationToken);
            await securityEvents.RecordAsync(userId, SecurityActions.IdentityLinked, SecurityOutcomes.Succeeded, candidate.Connection, cancellationToken);
            LogLinked(logger, candidate.Connection);
            journeys.Record(JourneyNames.SignInMethods, JourneyOutcomes.Linked);
            if (profile is not null)
            {
                await NotifyAsync(profile, p => notices.Linked(p.Email!, Language(p), result.Value!.ConnectionLabel), cancellationToken);
            }

            return result;
        }
        catch (ManagementApiException ex) when (ToRefusal(ex) is { } refusal)
        {
            return (await RefuseAsync(userId, refusal.Code!, cancellationToken, refusal.RetryAfter)).As<LinkPreview>();
        }
    }

    public async Task<ServiceResult> UnlinkAsync(string userId, string provider, string identityUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        try
        {
            // Decided on fresh data: a stale cache could let the last method go.
            var profile = await profiles.RefreshProfileAsync(userId, cancellationToken);
            var index = profile.Identities.ToList().FindIndex(i =>
                string.Equals(i.Provider, provider, StringComparison.Ordinal) && string.Equals(i.UserId, identityUserId, StringComparison.Ordinal));
            var refusal = index switch
            {
                < 0 => LinkRefusal.NotLinked,
                _ when profile.Identities.Count == 1 => LinkRefusal.LastMethod,
                0 => LinkRefusal.MainIdentity,
                _ => null,
            };
            if (refusal is not null)
            {
                return await RefuseAsync(userId, refusal, cancellationToken, action: SecurityActions.IdentityUnlinked);
            }

            var identity = profile.Identities[index];
            var write = await reconciler.WriteAsync(userId,
                ct => users.UnlinkAccountAsync(userId, identity.Provider, identity.UserId, ct),
                stored => !stored.Identities.Any(i => i.Provider == identity.Provider && i.UserId == identity.UserId), cancellationToken);
            if (write.Outcome != WriteOutcome.Saved)
            {
                return await RefuseAsync(userId, Uncertain(write), cancellationToken, write.Failure!.RateLimit?.RetryAfter, SecurityActions.IdentityUnlinked);
            }

            var updated = write.Stored ?? await RefreshAfterChangeAsync(userId, cancellationToken) ?? profile;
            await securityEvents.RecordAsync(userId, SecurityActions.IdentityUnlinked, SecurityOutcomes.Succeeded, identity.Connection, cancellationToken);
            LogUnlinked(logger, identity.Connection);
            journeys.Record(JourneyNames.SignInMethods, JourneyOutcomes.Unlinked);
            var label = options.Value.Find(identity.Connection)?.Label ?? identity.Connection;
            await NotifyAsync(updated, p => notices.Unlinked(p.Email!, Language(p), label), cancellationToken);
            return ServiceResult.Success();
        }
        catch (ManagementApiException ex) when (ToRefusal(ex) is { } refusal)
        {
            var code = refusal.Code == LinkRefusal.Rejected ? LinkRefusal.MainIdentity : refusal.Code!;
            return await RefuseAsync(userId, code, cancellationToken, refusal.RetryAfter, SecurityActions.IdentityUnlinked);
        }
    }

    /// <summary>Every rule, in the order a user would want to hear about them. Returns the candidate's own identity to link.</summary>
    private async Task<(ServiceResult<LinkPreview> Result, Auth0Identity? Identity)> CheckAsync(string userId, LinkCandidate candidate, CancellationToken cancellationToken)
    {
        var settings = options.Value.Find(candidate.Connection);
        string? refusal = null;
        if (!string.Equals(candidate.InitiatorUserId, userId, StringComparison.Ordinal))
        {
            refusal = LinkRefusal.OtherUser;
        }
        else if (settings is null)
        {
            refusal = LinkRefusal.UnknownConnection;
        }
        else if (string.Equals(candidate.UserId, userId, StringComparison.Ordinal))
        {
            refusal = LinkRefusal.SameAccount;
        }
        else if (timeProvider.GetUtcNow() - candidate.AuthenticatedAt > TimeSpan.FromMinutes(options.Value.CandidateMinutes))
        {
            refusal = LinkRefusal.CandidateExpired;
        }
        else if (settings.RequireVerifiedEmail && !candidate.EmailVerified)
        {
            refusal = LinkRefusal.CandidateEmailUnverified;
        }

        if (refusal is not null)
        {
            return (LinkRefusal.ToResult(refusal).As<LinkPreview>(), null);
        }

        var primary = await profiles.RefreshProfileAsync(userId, cancellationToken);
        if (settings!.RequireVerifiedEmail && !primary.EmailVerified)
        {
            return (LinkRefusal.ToResult(LinkRefusal.PrimaryEmailUnverified).As<LinkPreview>(), null);
        }

        Auth0User second;
        try
        {
            second = await users.GetAsync(candidate.UserId, CandidateFields, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return (LinkRefusal.ToResult(LinkRefusal.CandidateGone).As<LinkPreview>(), null);
        }

        var identities = second.Identities ?? [];
        if (identities.Count != 1)
        {
            // Signing in with an identity that is already linked to someone returns that someone: a user with several identities.
            return (LinkRefusal.ToResult(LinkRefusal.AlreadyLinked).As<LinkPreview>(), null);
        }

        var identity = identities[0];
        if (!string.Equals(identity.Connection, candidate.Connection, StringComparison.Ordinal))
        {
            return (LinkRefusal.ToResult(LinkRefusal.WrongConnection).As<LinkPreview>(), null);
        }

        var discarded = (second.UserMetadata?.Count ?? 0) + (second.AppMetadata?.Count ?? 0);
        var preview = new LinkPreview(identity.Provider ?? "", identity.Connection ?? "", settings.Label, candidate.Email, candidate.EmailVerified, discarded);
        return (ServiceResults.Success(preview), identity);
    }

    /// <summary>The notice goes only to a verified address; a failure to send is logged and does not undo the change.</summary>
    private async Task NotifyAsync(UserProfile profile, Func<UserProfile, EmailMessage> compose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(profile.Email) || !profile.EmailVerified)
        {
            LogNoticeSkipped(logger);
            return;
        }

        try
        {
            await email.SendAsync(compose(profile), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            // The change is made; a notice that could not be sent must not turn it into an error page.
            LogNoticeFailed(logger, ex.GetType().Name);
        }
    }

    /// <summary>The change is made at Auth0 by now: a failed re-read must not report it as failed (the cached copy then shows
    /// the old state until it expires, at most the profile cache window). Null when the re-read failed.</summary>
    private async Task<UserProfile?> RefreshAfterChangeAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await profiles.RefreshProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex)
        {
            LogRefreshFailed(logger, (int)ex.StatusCode);
            return null;
        }
    }

    private static string Uncertain<T>(WriteReconciliation<T> write) =>
        write.Outcome == WriteOutcome.NotSaved ? ToRefusal(write.Failure!)?.Code ?? LinkRefusal.Unavailable : LinkRefusal.Unconfirmed;

    private string? Language(UserProfile profile) => preferences.Value.UiLanguageOf(profile.UserMetadata);

    private async Task<ServiceResult> RefuseAsync(string userId, string refusal, CancellationToken cancellationToken, TimeSpan? retryAfter = null,
        string action = SecurityActions.IdentityLinked)
    {
        var outcome = refusal is LinkRefusal.RateLimited ? SecurityOutcomes.Throttled
            : refusal is LinkRefusal.Unavailable or LinkRefusal.Unconfirmed ? SecurityOutcomes.Failed
            : SecurityOutcomes.Refused;
        await securityEvents.RecordAsync(userId, action, outcome, refusal, cancellationToken);
        LogRefused(logger, action, refusal);
        journeys.Record(JourneyNames.SignInMethods, outcome);
        return LinkRefusal.ToResult(refusal, retryAfter);
    }

    /// <summary>Expected Management API answers become refusals; anything else (bad token, missing scope) keeps throwing.</summary>
    private static ServiceResult? ToRefusal(ManagementApiException ex) => ex switch
    {
        { IsRateLimited: true } => LinkRefusal.ToResult(LinkRefusal.RateLimited, ex.RateLimit?.RetryAfter),
        { StatusCode: HttpStatusCode.Conflict } => LinkRefusal.ToResult(LinkRefusal.AlreadyLinked),
        { StatusCode: HttpStatusCode.NotFound } => LinkRefusal.ToResult(LinkRefusal.CandidateGone),
        { StatusCode: HttpStatusCode.BadRequest } => LinkRefusal.ToResult(LinkRefusal.Rejected),
        { IsTransportFailure: true } => LinkRefusal.ToResult(LinkRefusal.Unavailable, ex.RateLimit?.RetryAfter),
        _ when (int)ex.StatusCode >= 500 => LinkRefusal.ToResult(LinkRefusal.Unavailable, ex.RateLimit?.RetryAfter),
        _ => null,
    };

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information, Message = "Identity of connection {Connection} linked")]
    private static partial void LogLinked(ILogger logger, string connection);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information, Message = "Identity of connection {Connection} unlinked")]
    private static partial void LogUnlinked(ILogger logger, string connection);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Information, Message = "{Action} refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string action, string refusal);

    [LoggerMessage(EventId = 1704, Level = LogLevel.Information, Message = "Linking notice not sent: no verified address")]
    private static partial void LogNoticeSkipped(ILogger logger);

    [LoggerMessage(EventId = 1706, Level = LogLevel.Warning, Message = "Re-reading the profile after a link change failed ({StatusCode}); the change stands")]
    private static partial void LogRefreshFailed(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 1705, Level = LogLevel.Warning, Message = "Linking notice could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string failure);
}
