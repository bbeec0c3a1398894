using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Logging;
using Profiles.Core.Results;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Writes;

namespace Profiles.Core.Profiles;

/// <summary>Profile and preference rules. HTTP lives in <see cref="IUsersClient"/>; this class decides what to send.</summary>
public sealed partial class ProfileService : IProfileService
{
    private readonly IUsersClient _users;
    private readonly UserLogKey _logKey;
    private readonly ProfileCache _cache;
    private readonly ProfileOptions _profileOptions;
    private readonly PreferencesOptions _preferencesOptions;
    private readonly PreferenceValidator _preferenceValidator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProfileService> _logger;
    private readonly WriteReconciler _reconciler;

    public ProfileService(IUsersClient users, ProfileCache cache, IOptions<ManagementApiOptions> managementOptions, IOptions<ProfileOptions> profileOptions,
        IOptions<PreferencesOptions> preferencesOptions, PreferenceValidator preferenceValidator, TimeProvider timeProvider, ILogger<ProfileService> logger)
    {
        ArgumentNullException.ThrowIfNull(managementOptions);
        ArgumentNullException.ThrowIfNull(profileOptions);
        ArgumentNullException.ThrowIfNull(preferencesOptions);
        _users = users;
        _cache = cache;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _profileOptions = profileOptions.Value;
        _preferencesOptions = preferencesOptions.Value;
        _preferenceValidator = preferenceValidator;
        _timeProvider = timeProvider;
        _logger = logger;
        _reconciler = new WriteReconciler(this, logger);
    }

    public async Task<UserProfile> GetProfileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (_cache.RecentFailure(userId) is { } failed)
        {
            throw Repeat(failed);
        }

        return await _cache.GetOrLoadAsync(userId, async ct => Map(await ReadRememberingFailureAsync(userId, ct)), cancellationToken);
    }

    public async Task<UserProfile> RefreshProfileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        // A deliberate fresh read (after a write, or a change made elsewhere) does not leave a failure behind: forgetting the
        // entry forgets it too, so the next page view asks Auth0 again rather than repeat an answer about an uncertain moment.
        await _cache.ForgetAsync(userId, cancellationToken);
        var user = await _users.GetAsync(userId, null, cancellationToken);
        return await RememberAsync(userId, user, cancellationToken);
    }

    public async Task<ServiceResult<UserProfile>> UpdateProfileAsync(string userId, ProfileEdit edit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var (normalized, errors) = ProfileEditValidator.Validate(edit, _profileOptions.AllowDataImagePictures);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        try
        {
            var current = await GetProfileAsync(userId, cancellationToken);
            if (current.ProfileIsReadOnly)
            {
                LogReadOnlyRefused(_logger, _logKey.For(userId));
                return Failure(new ProfileError(ProfileErrorCodes.ReadOnly));
            }

            var request = new UserUpdateRequest();
            if (!string.Equals(current.Name, normalized.Name, StringComparison.Ordinal))
            {
                request.Name = normalized.Name;
            }

            if (!string.Equals(current.Nickname, normalized.Nickname, StringComparison.Ordinal))
            {
                request.Nickname = normalized.Nickname;
            }

            if (!string.Equals(current.GivenName, normalized.GivenName, StringComparison.Ordinal))
            {
                request.GivenName = normalized.GivenName;
            }

            if (!string.Equals(current.FamilyName, normalized.FamilyName, StringComparison.Ordinal))
            {
                request.FamilyName = normalized.FamilyName;
            }

            if (!string.Equals(current.Picture, normalized.Picture, StringComparison.Ordinal))
            {
                request.Picture = normalized.Picture;
            }

            if (request.IsEmpty)
            {
                return ServiceResults.Success(current, ProfileSuccessCodes.NothingChanged);
            }

            var write = await _reconciler.WriteAsync(userId, ct => _users.UpdateAsync(userId, request, ct),
                stored => HasProfileChange(stored, normalized, request), cancellationToken);
            if (write.Outcome == WriteOutcome.Saved)
            {
                LogProfileUpdated(_logger, _logKey.For(userId), request.AssignedKeys.Count());
            }

            return await SettleAsync(userId, write, cancellationToken);
        }
        catch (ManagementApiException ex) when (ToFailure(ex) is { } failure)
        {
            LogUpdateFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return failure;
        }
    }

    public async Task<ServiceResult<UserProfile>> UpdatePreferencesAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var fields = _preferencesOptions.Fields;
        var validation = _preferenceValidator.Validate(fields, values);
        if (!validation.IsValid)
        {
            return Invalid(validation.Errors);
        }

        try
        {
            var current = await GetProfileAsync(userId, cancellationToken);
            var patch = BuildMetadataPatch(fields, validation.Values, current.UserMetadata);
            if (patch.Count == 0)
            {
                return ServiceResults.Success(current, ProfileSuccessCodes.NothingChanged);
            }

            var size = MergedSize(current.UserMetadata, patch);
            if (size > _preferencesOptions.MaxMetadataBytes)
            {
                LogMetadataTooLarge(_logger, _logKey.For(userId), size);
                return Failure(new ProfileError(ProfileErrorCodes.PreferencesTooLarge, _preferencesOptions.MaxMetadataBytes));
            }

            var keyCount = patch.Count;
            var write = await _reconciler.WriteAsync(userId, ct => _users.UpdateAsync(userId, new UserUpdateRequest { UserMetadata = patch }, ct),
                stored => HasMetadataChange(stored, patch), cancellationToken);
            if (write.Outcome == WriteOutcome.Saved)
            {
                LogPreferencesUpdated(_logger, _logKey.For(userId), keyCount);
            }

            return await SettleAsync(userId, write, cancellationToken);
        }
        catch (ManagementApiException ex) when (ToFailure(ex) is { } failure)
        {
            LogUpdateFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return failure;
        }
    }

    /// <summary>What the user is told: saved (Auth0's answer or the re-read shows the change), not saved (the re-read shows the
    /// old state; the original failure says why), or "could not confirm" when the re-read failed too.</summary>
    private async Task<ServiceResult<UserProfile>> SettleAsync(string userId, WriteReconciliation<Auth0User> write, CancellationToken cancellationToken) => write.Outcome switch
    {
        WriteOutcome.Saved => ServiceResults.Success(write.Answer is { } answer ? await RememberAsync(userId, answer, cancellationToken) : write.Stored!),
        WriteOutcome.NotSaved => ToFailure(write.Failure!) ?? Failure(new ProfileError(ProfileErrorCodes.Unavailable)),
        _ => Failure(new ProfileError(ProfileErrorCodes.Unconfirmed)),
    };

    private static bool HasProfileChange(UserProfile stored, ProfileEdit wanted, UserUpdateRequest sent)
    {
        var keys = sent.AssignedKeys.ToHashSet(StringComparer.Ordinal);
        return Same("name", stored.Name, wanted.Name) && Same("nickname", stored.Nickname, wanted.Nickname)
            && Same("given_name", stored.GivenName, wanted.GivenName) && Same("family_name", stored.FamilyName, wanted.FamilyName)
            && Same("picture", stored.Picture, wanted.Picture);

        bool Same(string key, string? storedValue, string? wantedValue) =>
            !keys.Contains(key) || string.Equals(storedValue ?? "", wantedValue ?? "", StringComparison.Ordinal);
    }

    private static bool HasMetadataChange(UserProfile stored, JsonObject patch) =>
        patch.All(entry => MetadataValues.AreEqual(stored.UserMetadata.TryGetPropertyValue(entry.Key, out var value) ? value : null, entry.Value));

    private JsonObject BuildMetadataPatch(IReadOnlyList<PreferenceField> fields, IReadOnlyDictionary<string, JsonNode?> submitted, JsonObject saved)
    {
        var patch = new JsonObject();
        foreach (var field in fields)
        {
            if (!submitted.TryGetValue(field.Key, out var value))
            {
                continue;
            }

            saved.TryGetPropertyValue(field.Key, out var old);
            if (PreferenceFieldTypes.Is(field, PreferenceFieldTypes.Checkbox))
            {
                var wasChecked = MetadataValues.IsTrue(old);
                var isChecked = MetadataValues.IsTrue(value);
                if (wasChecked == isChecked)
                {
                    continue;
                }

                patch[field.Key] = isChecked;
                if (!string.IsNullOrEmpty(field.ConsentTimestampKey))
                {
                    // Consent is recorded with its moment and fully removed on withdrawal (a null deletes the key in Auth0).
                    patch[field.ConsentTimestampKey] = isChecked ? JsonValue.Create(FormatTimestamp(_timeProvider.GetUtcNow())) : null;
                }

                continue;
            }

            if (!MetadataValues.AreEqual(old, value))
            {
                patch[field.Key] = value?.DeepClone();
            }
        }

        return patch;
    }

    private static int MergedSize(JsonObject saved, JsonObject patch)
    {
        var merged = (JsonObject)saved.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return Encoding.UTF8.GetByteCount(merged.ToJsonString());
    }

    private static string FormatTimestamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static ServiceResult<UserProfile> Invalid(IReadOnlyDictionary<string, ProfileError> errors) =>
        ServiceResult.Invalid([.. errors.Select(e => new ServiceFieldError(e.Key, e.Value.Code, e.Value.Arguments))]).As<UserProfile>();

    /// <summary>A failure of the whole save: Auth0 busy or down is "busy", a lost answer "unconfirmed", the rest refusals.</summary>
    private static ServiceResult<UserProfile> Failure(ProfileError error, TimeSpan? retryAfter = null) => (error.Code switch
    {
        ProfileErrorCodes.RateLimited or ProfileErrorCodes.Unavailable => ServiceResult.Busy(error.Code, retryAfter, error.Arguments),
        ProfileErrorCodes.Unconfirmed => ServiceResult.Unconfirmed(error.Code, retryAfter),
        _ => ServiceResult.Refused(error.Code, error.Arguments),
    }).As<UserProfile>();

    /// <summary>Expected failures become results; a missing user, a bad token or missing scopes are configuration or
    /// programming errors and keep throwing.</summary>
    private static ServiceResult<UserProfile>? ToFailure(ManagementApiException ex)
    {
        if (ex.IsRateLimited)
        {
            var retryAfter = ex.RateLimit?.RetryAfter;
            var seconds = retryAfter is null ? 0 : (int)Math.Ceiling(retryAfter.Value.TotalSeconds);
            return Failure(new ProfileError(ProfileErrorCodes.RateLimited, seconds), retryAfter);
        }

        if (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            return Failure(new ProfileError(ProfileErrorCodes.Rejected));
        }

        if (ex.IsTransportFailure || (int)ex.StatusCode >= 500)
        {
            return Failure(new ProfileError(ProfileErrorCodes.Unavailable), ex.RateLimit?.RetryAfter);
        }

        return null;
    }

    private UserProfile Map(Auth0User user) => UserProfileMapper.Map(user, _profileOptions);

    /// <summary>Reads the user for a page view; a failed read is remembered for <see cref="ManagementApiOptions.FailedReadCacheSeconds"/>, so a
    /// page view in that time (several components of one page, a reload) does not ask Auth0 again.</summary>
    private async Task<Auth0User> ReadRememberingFailureAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return await _users.GetAsync(userId, null, cancellationToken);
        }
        catch (ManagementApiException ex)
        {
            _cache.RememberFailure(userId, ex);
            throw;
        }
    }

    /// <summary>A fresh exception with the remembered answer, so each throw has its own stack.</summary>
    private static ManagementApiException Repeat(ManagementApiException failed) =>
        new(failed.StatusCode, failed.ErrorCode, failed.ApiMessage, failed.RateLimit, failed);

    private async Task<UserProfile> RememberAsync(string userId, Auth0User user, CancellationToken cancellationToken)
    {
        var profile = Map(user);
        await _cache.RememberAsync(userId, profile, cancellationToken);
        return profile;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Profile of {UserKey} updated ({FieldCount} fields)")]
    private static partial void LogProfileUpdated(ILogger logger, string userKey, int fieldCount);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Preferences of {UserKey} updated ({KeyCount} keys)")]
    private static partial void LogPreferencesUpdated(ILogger logger, string userKey, int keyCount);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Profile edit of {UserKey} refused: the identity provider owns the profile")]
    private static partial void LogReadOnlyRefused(ILogger logger, string userKey);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Profile change of {UserKey} failed with {Status} ({ErrorCode})")]
    private static partial void LogUpdateFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Preferences of {UserKey} refused: user_metadata would be {Size} bytes")]
    private static partial void LogMetadataTooLarge(ILogger logger, string userKey, int size);
}
