using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Data;

/// <summary>"Download my data" (GDPR Art. 15/20): one JSON document with what Auth0 and the portal hold about the user.
/// Read fresh from Auth0 (never the profile cache), throttled per user, recorded as a security event.</summary>
public sealed class DataExportService(
    IUsersClient users,
    IActionThrottle throttle,
    ISecurityEventLog securityEvents,
    AppMetadataPresenter appMetadata,
    IDbContextFactory<PortalDbContext> factory,
    PortalUserKeys userKeys,
    JourneyMetrics journeys,
    IOptions<ProfileOptions> profileOptions,
    IOptions<DataExportOptions> options,
    TimeProvider timeProvider) : IDataExportService
{
    /// <summary>Cooldown name in <c>action_cooldowns</c>.</summary>
    public const string ThrottleAction = "data_export";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>How long until the user may download again (zero when they may now).</summary>
    public Task<TimeSpan> RemainingCooldownAsync(string userId, CancellationToken cancellationToken) =>
        throttle.RemainingAsync(userId, ThrottleAction, cancellationToken);

    /// <summary>Builds the export. <paramref name="culture"/> picks the labels of the operator-declared <c>app_metadata</c>.</summary>
    public async Task<ServiceResult<DataExportFile>> ExportAsync(string userId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var decision = await throttle.TryAcquireAsync(userId, ThrottleAction, TimeSpan.FromMinutes(options.Value.CooldownMinutes), cancellationToken);
        if (!decision.Allowed)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.DataExported, SecurityOutcomes.Throttled, null, cancellationToken);
            journeys.Record(JourneyNames.Data, JourneyOutcomes.Throttled);
            return ServiceResult.Busy(DataExportCodes.Throttled, decision.RetryAfter).As<DataExportFile>();
        }

        Auth0User user;
        try
        {
            user = await users.GetAsync(userId, null, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            await throttle.ReleaseAsync(userId, ThrottleAction, cancellationToken);
            await securityEvents.RecordAsync(userId, SecurityActions.DataExported, SecurityOutcomes.Failed, ErrorCode(ex), cancellationToken);
            journeys.Record(JourneyNames.Data, JourneyOutcomes.Failed);
            return ServiceResult.Busy(DataExportCodes.Unavailable).As<DataExportFile>();
        }

        // Recorded first, so the export lists itself among the security events.
        await securityEvents.RecordAsync(userId, SecurityActions.DataExported, SecurityOutcomes.Succeeded, null, cancellationToken);
        journeys.Record(JourneyNames.Data, JourneyOutcomes.Exported);
        var now = timeProvider.GetUtcNow();
        var profile = UserProfileMapper.Map(user, profileOptions.Value);
        var document = new DataExportDocument(now)
        {
            User = user,
            AppMetadataItems = appMetadata.Present(profile, culture),
            Records = await ReadPortalRecordsAsync(userId, cancellationToken),
            SecurityEvents = await securityEvents.ListRecentAsync(userId, options.Value.MaxSecurityEvents, cancellationToken),
        };
        var content = JsonSerializer.SerializeToUtf8Bytes(document.Build(), Indented);
        var fileName = "profiles-export-" + now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".json";
        return ServiceResults.Success(new DataExportFile(content, fileName));
    }

    private async Task<PortalRecords> ReadPortalRecordsAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pendingEmail = await db.PendingEmailChanges.AsNoTracking().SingleOrDefaultAsync(p => p.UserKey == userKey, cancellationToken);
        var deletions = await db.DeletionRequests.AsNoTracking().Where(r => r.UserKey == userKey)
            .OrderByDescending(r => r.RequestedAtMs).ToListAsync(cancellationToken);
        var cooldowns = await db.ActionCooldowns.AsNoTracking().Where(c => c.UserKey == userKey)
            .OrderBy(c => c.Action).ToListAsync(cancellationToken);
        var revocation = await db.SessionRevocations.AsNoTracking().SingleOrDefaultAsync(s => s.UserKey == userKey, cancellationToken);
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.UserKey == userKey)
            .OrderByDescending(c => c.RecordedAtMs).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var sessions = await db.PortalSessions.AsNoTracking().Where(p => p.UserKey == userKey)
            .OrderByDescending(p => p.LastSeenAtMs).ToListAsync(cancellationToken);
        return new PortalRecords(userKey, pendingEmail, deletions, cooldowns, revocation, consents, sessions);
    }

    private static string ErrorCode(ManagementApiException ex) =>
        ex.IsTransportFailure ? ex.ErrorCode! : "http_" + ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture);
}
