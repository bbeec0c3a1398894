using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;

namespace Profiles.Core.Data;

/// <summary>The request's mark in the user's Auth0 <c>app_metadata</c> (what the banner and other apps see), and the reads
/// around it. The cached profile is dropped after every change.</summary>
public sealed class DeletionMarks(IUsersClient users, ProfileCache profileCache)
{
    /// <summary>Failures that leave nothing scheduled or cancelled: Auth0 unreachable, or refusing the call.</summary>
    public static bool IsExpectedFailure(ManagementApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.IsTransient || ex.StatusCode == HttpStatusCode.BadRequest;
    }

    public Task<Auth0User> ReadAsync(string userId, CancellationToken cancellationToken) => users.GetAsync(userId, null, cancellationToken);

    public async Task MarkAsync(string userId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        var mark = new JsonObject { [AccountMetadataKeys.DeletionRequestedAt] = requestedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
        await users.UpdateAsync(userId, new UserUpdateRequest { AppMetadata = mark }, cancellationToken);
        await profileCache.ForgetAsync(userId, cancellationToken);
    }

    /// <summary>Removes both marks (a request that failed half-way may also have recorded its identities); returns the user.</summary>
    public async Task<Auth0User> ClearAsync(string userId, CancellationToken cancellationToken)
    {
        var clear = new JsonObject { [AccountMetadataKeys.DeletionRequestedAt] = null, [AccountMetadataKeys.DeletionIdentities] = null };
        var updated = await users.UpdateAsync(userId, new UserUpdateRequest { AppMetadata = clear }, cancellationToken);
        await profileCache.ForgetAsync(userId, cancellationToken);
        return updated;
    }

    /// <summary>After the account itself is gone.</summary>
    public ValueTask ForgetAsync(string userId, CancellationToken cancellationToken) => profileCache.ForgetAsync(userId, cancellationToken);
}
