using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Writes;

namespace Profiles.Core.Consent;

/// <summary>
/// Keeps the consent history in the portal database next to the preference in <c>user_metadata</c>: Auth0 holds the current
/// state (what other applications read), the portal the proof of when it was given or withdrawn and under which wording.
/// A change is recorded only once Auth0 (or the re-read after a lost answer) shows it stored.
/// </summary>
public sealed partial class ConsentService(
    IProfileService profiles,
    IUsersClient users,
    ProfileCache profileCache,
    WriteReconciler reconciler,
    IOptions<PreferencesOptions> preferences,
    IDbContextFactory<PortalDbContext> factory,
    PortalUserKeys userKeys,
    TimeProvider timeProvider,
    ILogger<ConsentService> logger) : IConsentService
{
    /// <summary>Most history entries shown and exported.</summary>
    public const int MaxHistory = 200;

    private IEnumerable<PreferenceField> ConsentFields => preferences.Value.Fields.Where(f => f.Consent is not null);

    public async Task<ServiceResult<UserProfile>> SavePreferencesAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(values);
        JsonObject? before;
        try
        {
            before = (await profiles.GetProfileAsync(userId, cancellationToken)).UserMetadata;
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            // The save reads the same profile and turns the failure into its own result.
            before = null;
        }

        // A consent waiting for renewal is shown unticked. Leaving it unticked keeps it waiting (withdrawing it is an explicit
        // action on the privacy page, so a save of other preferences never withdraws it by accident); ticking it renews it.
        var toSave = new Dictionary<string, string?>(values, StringComparer.Ordinal);
        var renewals = new List<PreferenceField>();
        if (before is not null)
        {
            var history = await ListAsync(userId, cancellationToken);
            foreach (var field in ConsentFields.Where(f => StateOf(f, before, history).NeedsRenewal && values.ContainsKey(f.Key)))
            {
                if (string.Equals(values[field.Key], "true", StringComparison.OrdinalIgnoreCase))
                {
                    renewals.Add(field);
                }

                toSave[field.Key] = "true";
            }
        }

        var result = await profiles.UpdatePreferencesAsync(userId, toSave, cancellationToken);
        if (before is not null && result is { Succeeded: true, Value: { } after } && result.Code != ProfileSuccessCodes.NothingChanged)
        {
            var changes = ConsentFields
                .Where(f => MetadataValues.IsTrue(before[f.Key]) != MetadataValues.IsTrue(after.UserMetadata[f.Key]))
                .Select(f => (f, MetadataValues.IsTrue(after.UserMetadata[f.Key])))
                .ToList();
            await RecordAsync(userId, changes, cancellationToken);
        }

        if (!result.Succeeded || renewals.Count == 0)
        {
            return result;
        }

        var renewed = result;
        foreach (var field in renewals)
        {
            renewed = await RenewHeldAsync(userId, field, cancellationToken);
            if (!renewed.Succeeded)
            {
                return renewed;
            }
        }

        return ServiceResults.Success(renewed.Value!);
    }

    public async Task<ServiceResult<UserProfile>> RenewAsync(string userId, string fieldKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var field = ConsentFields.FirstOrDefault(f => string.Equals(f.Key, fieldKey, StringComparison.Ordinal));
        if (field is null)
        {
            return ServiceResult.Refused(ProfileErrorCodes.Rejected).As<UserProfile>();
        }

        try
        {
            var current = await profiles.GetProfileAsync(userId, cancellationToken);
            if (!StateOf(field, current.UserMetadata, await ListAsync(userId, cancellationToken)).NeedsRenewal)
            {
                return ServiceResults.Success(current, ProfileSuccessCodes.NothingChanged);
            }

            return await RenewHeldAsync(userId, field, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            return ToFailure(ex);
        }
    }

    public async Task<ServiceResult<UserProfile>> WithdrawAsync(string userId, string fieldKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var field = ConsentFields.FirstOrDefault(f => string.Equals(f.Key, fieldKey, StringComparison.Ordinal));
        if (field is null)
        {
            return ServiceResult.Refused(ProfileErrorCodes.Rejected).As<UserProfile>();
        }

        try
        {
            var current = await profiles.GetProfileAsync(userId, cancellationToken);
            if (!MetadataValues.IsTrue(current.UserMetadata[field.Key]))
            {
                return ServiceResults.Success(current, ProfileSuccessCodes.NothingChanged);
            }

            var patch = new JsonObject { [field.Key] = false };
            if (!string.IsNullOrEmpty(field.ConsentTimestampKey))
            {
                patch[field.ConsentTimestampKey] = null;
            }

            var write = await reconciler.WriteAsync(userId, ct => users.UpdateAsync(userId, new UserUpdateRequest { UserMetadata = patch }, ct),
                stored => !MetadataValues.IsTrue(stored.UserMetadata[field.Key]), cancellationToken);
            await profileCache.ForgetAsync(userId, cancellationToken);
            switch (write.Outcome)
            {
                case WriteOutcome.Saved:
                    await RecordAsync(userId, [(field, false)], cancellationToken);
                    return ServiceResults.Success(write.Stored ?? await profiles.GetProfileAsync(userId, cancellationToken));
                case WriteOutcome.NotSaved:
                    return ToFailure(write.Failure!);
                default:
                    return ServiceResult.Unconfirmed(ProfileErrorCodes.Unconfirmed).As<UserProfile>();
            }
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            return ToFailure(ex);
        }
    }

    public async Task<ConsentOverview> GetOverviewAsync(UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var history = await ListAsync(profile.UserId, cancellationToken);
        var current = ConsentFields.Select(f => StateOf(f, profile.UserMetadata, history)).ToList();
        return new ConsentOverview(current, history);
    }

    /// <summary>The user's state for one declared consent. Auth0's value says whether it is held; the portal's latest record says
    /// under which wording. Held, and last given under another wording: it waits for renewal and does not count. Held with no
    /// record at all (given before the portal kept a history, or by another application): the wording is unknown, so it counts
    /// as given, as it did before.</summary>
    /// <param name="history">The user's records, newest first.</param>
    public static ConsentState StateOf(PreferenceField field, JsonObject metadata, IReadOnlyList<ConsentRecord> history)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(history);
        var held = MetadataValues.IsTrue(metadata[field.Key]);
        var last = history.FirstOrDefault(r => r.FieldKey == field.Key);
        if (held && last is { Given: true } && field.Consent is { } consent
            && !string.Equals(last.WordingVersion, consent.WordingVersion, StringComparison.Ordinal))
        {
            return new ConsentState(field, false, last.RecordedAt, NeedsRenewal: true, GivenUnderWording: last.WordingVersion);
        }

        var since = history.FirstOrDefault(r => r.FieldKey == field.Key && r.Given == held);
        return new ConsentState(field, held, since?.RecordedAt);
    }

    /// <summary>Records a held consent as given again under the current wording; its timestamp key (what other applications
    /// read as "consent given at") moves to now first, so Auth0 and the history agree.</summary>
    private async Task<ServiceResult<UserProfile>> RenewHeldAsync(string userId, PreferenceField field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(field.ConsentTimestampKey))
        {
            await RecordAsync(userId, [(field, true)], cancellationToken);
            return ServiceResults.Success(await profiles.GetProfileAsync(userId, cancellationToken));
        }

        var stamp = timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var timestampKey = field.ConsentTimestampKey;
        var patch = new JsonObject { [timestampKey] = stamp };
        var write = await reconciler.WriteAsync(userId, ct => users.UpdateAsync(userId, new UserUpdateRequest { UserMetadata = patch }, ct),
            stored => MetadataValues.IsTrue(stored.UserMetadata[field.Key])
                && stored.UserMetadata[timestampKey] is JsonValue value && value.TryGetValue<string>(out var text) && text == stamp,
            cancellationToken);
        await profileCache.ForgetAsync(userId, cancellationToken);
        switch (write.Outcome)
        {
            case WriteOutcome.Saved:
                await RecordAsync(userId, [(field, true)], cancellationToken);
                return ServiceResults.Success(write.Stored ?? await profiles.GetProfileAsync(userId, cancellationToken));
            case WriteOutcome.NotSaved:
                return ToFailure(write.Failure!);
            default:
                return ServiceResult.Unconfirmed(ProfileErrorCodes.Unconfirmed).As<UserProfile>();
        }
    }

    private async Task<IReadOnlyList<ConsentRecord>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.UserKey == userKey)
            .OrderByDescending(r => r.RecordedAtMs).ThenByDescending(r => r.Id)
            .Take(MaxHistory)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConsentRecord(r.FieldKey, r.Given, DateTimeOffset.FromUnixTimeMilliseconds(r.RecordedAtMs), r.WordingVersion)).ToList();
    }

    private async Task RecordAsync(string userId, IReadOnlyList<(PreferenceField Field, bool Given)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var (field, given) in changes)
        {
            db.ConsentRecords.Add(new ConsentRecordRow
            {
                UserKey = userKey,
                FieldKey = field.Key,
                Given = given,
                RecordedAtMs = now,
                WordingVersion = field.Consent!.WordingVersion,
            });
            LogConsentRecorded(logger, field.Key, given);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static ServiceResult<UserProfile> ToFailure(ManagementApiException ex)
    {
        if (ex.IsRateLimited)
        {
            var retryAfter = ex.RateLimit?.RetryAfter;
            var seconds = retryAfter is null ? 0 : (int)Math.Ceiling(retryAfter.Value.TotalSeconds);
            return ServiceResult.Busy(ProfileErrorCodes.RateLimited, retryAfter, seconds).As<UserProfile>();
        }

        return ServiceResult.Busy(ProfileErrorCodes.Unavailable, ex.RateLimit?.RetryAfter).As<UserProfile>();
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Consent {FieldKey} recorded (given: {Given})")]
    private static partial void LogConsentRecorded(ILogger logger, string fieldKey, bool given);
}
