using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Logging;
using Profiles.Core.Settings;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;

namespace Profiles.Core.Profiles;

/// <summary>Profile and preference rules. HTTP lives in <see cref="IUsersClient"/>; this class decides what to send.</summary>
public sealed partial class ProfileService : IProfileService
{
    private readonly IUsersClient _users;
    private readonly UserLogKey _logKey;
    private readonly IMemoryCache _cache;
    private readonly ManagementApiOptions _managementOptions;
    private readonly ProfileOptions _profileOptions;
    private readonly PreferencesOptions _preferencesOptions;
    private readonly PreferenceValidator _preferenceValidator;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProfileService> _logger;

    public ProfileService(IUsersClient users, IMemoryCache cache, IOptions<ManagementApiOptions> managementOptions, IOptions<ProfileOptions> profileOptions,
        IOptions<PreferencesOptions> preferencesOptions, PreferenceValidator preferenceValidator, TimeProvider timeProvider, ILogger<ProfileService> logger)
    {
        ArgumentNullException.ThrowIfNull(managementOptions);
        ArgumentNullException.ThrowIfNull(profileOptions);
        ArgumentNullException.ThrowIfNull(preferencesOptions);
        _users = users;
        _cache = cache;
        _managementOptions = managementOptions.Value;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _profileOptions = profileOptions.Value;
        _preferencesOptions = preferencesOptions.Value;
        _preferenceValidator = preferenceValidator;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<UserProfile> GetProfileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (_cache.TryGetValue(CacheKey(userId), out UserProfile? cached) && cached is not null)
        {
            return cached;
        }

        var user = await _users.GetAsync(userId, null, cancellationToken);
        return Remember(userId, user);
    }

    public async Task<UserProfile> RefreshProfileAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        _cache.Remove(CacheKey(userId));
        var user = await _users.GetAsync(userId, null, cancellationToken);
        return Remember(userId, user);
    }

    public async Task<ProfileResult> UpdateProfileAsync(string userId, ProfileEdit edit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var (normalized, errors) = ProfileEditValidator.Validate(edit);
        if (errors.Count > 0)
        {
            return ProfileResult.Invalid(errors);
        }

        try
        {
            var current = await GetProfileAsync(userId, cancellationToken);
            if (current.ProfileIsReadOnly)
            {
                LogReadOnlyRefused(_logger, _logKey.For(userId));
                return ProfileResult.Failed(new ProfileError(ProfileErrorCodes.ReadOnly));
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
                return ProfileResult.Unchanged(current);
            }

            var updated = await _users.UpdateAsync(userId, request, cancellationToken);
            LogProfileUpdated(_logger, _logKey.For(userId), request.AssignedKeys.Count());
            return ProfileResult.Ok(Remember(userId, updated));
        }
        catch (ManagementApiException ex) when (ToFailure(ex) is { } failure)
        {
            LogUpdateFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return failure;
        }
    }

    public async Task<ProfileResult> UpdatePreferencesAsync(string userId, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var fields = _preferencesOptions.Fields;
        var validation = _preferenceValidator.Validate(fields, values);
        if (!validation.IsValid)
        {
            return ProfileResult.Invalid(validation.Errors);
        }

        try
        {
            var current = await GetProfileAsync(userId, cancellationToken);
            var patch = BuildMetadataPatch(fields, validation.Values, current.UserMetadata);
            if (patch.Count == 0)
            {
                return ProfileResult.Unchanged(current);
            }

            var size = MergedSize(current.UserMetadata, patch);
            if (size > _preferencesOptions.MaxMetadataBytes)
            {
                LogMetadataTooLarge(_logger, _logKey.For(userId), size);
                return ProfileResult.Failed(new ProfileError(ProfileErrorCodes.PreferencesTooLarge, _preferencesOptions.MaxMetadataBytes));
            }

            var keyCount = patch.Count;
            var updated = await _users.UpdateAsync(userId, new UserUpdateRequest { UserMetadata = patch }, cancellationToken);
            LogPreferencesUpdated(_logger, _logKey.For(userId), keyCount);
            return ProfileResult.Ok(Remember(userId, updated));
        }
        catch (ManagementApiException ex) when (ToFailure(ex) is { } failure)
        {
            LogUpdateFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return failure;
        }
    }

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

    /// <summary>Expected failures become results; a missing user, a bad token or missing scopes are configuration or
    /// programming errors and keep throwing.</summary>
    private static ProfileResult? ToFailure(ManagementApiException ex)
    {
        if (ex.IsRateLimited)
        {
            var retryAfter = ex.RateLimit?.RetryAfter;
            var seconds = retryAfter is null ? 0 : (int)Math.Ceiling(retryAfter.Value.TotalSeconds);
            return ProfileResult.Failed(new ProfileError(ProfileErrorCodes.RateLimited, seconds), retryAfter);
        }

        if (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            return ProfileResult.Failed(new ProfileError(ProfileErrorCodes.Rejected));
        }

        if (ex.IsTransportFailure || (int)ex.StatusCode >= 500)
        {
            return ProfileResult.Failed(new ProfileError(ProfileErrorCodes.Unavailable), ex.RateLimit?.RetryAfter);
        }

        return null;
    }

    private UserProfile Remember(string userId, Auth0User user)
    {
        var profile = UserProfileMapper.Map(user, _profileOptions);
        if (_managementOptions.ProfileCacheSeconds > 0)
        {
            _cache.Set(CacheKey(userId), profile, TimeSpan.FromSeconds(_managementOptions.ProfileCacheSeconds));
        }

        return profile;
    }

    private static string CacheKey(string userId) => ProfileCache.Key(userId);

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
