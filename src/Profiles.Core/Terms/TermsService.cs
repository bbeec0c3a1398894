using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Writes;

namespace Profiles.Core.Terms;

/// <summary>
/// Terms acceptance. The acceptance is the only <c>app_metadata</c> write the portal makes on a user's behalf, and nothing in it
/// comes from the request: the version is the operator's, the time the portal's clock. A lost answer is settled by
/// <see cref="WriteReconciler"/>; Auth0's refusals (404, 403) are not expected here and keep throwing.
/// </summary>
public sealed partial class TermsService(
    IUsersClient users,
    WriteReconciler reconciler,
    ProfileCache profileCache,
    ISecurityEventLog securityEvents,
    IOptions<TermsOptions> options,
    TimeProvider timeProvider,
    ILogger<TermsService> logger) : ITermsService
{
    public TermsOptions Current => options.Value;

    public bool NeedsAcceptance(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var current = options.Value;
        return current.IsEnforced
            && !string.Equals(TermsAcceptance.ReadFrom(profile.AppMetadata)?.Version, current.Version, StringComparison.Ordinal);
    }

    public async Task<ServiceResult> AcceptAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var version = options.Value.Version;
        if (string.IsNullOrWhiteSpace(version))
        {
            return ServiceResult.Success(TermsCodes.NothingToAccept);
        }

        var acceptance = new TermsAcceptance(version, timeProvider.GetUtcNow());
        var request = new UserUpdateRequest { AppMetadata = acceptance.ToAppMetadataPatch() };
        WriteReconciliation<Auth0User> write;
        try
        {
            write = await reconciler.WriteAsync(userId, ct => users.UpdateAsync(userId, request, ct),
                stored => string.Equals(TermsAcceptance.ReadFrom(stored.AppMetadata)?.Version, version, StringComparison.Ordinal),
                cancellationToken);
        }
        finally
        {
            // The cached profile predates the write either way; the next page must see what Auth0 now holds.
            await profileCache.ForgetAsync(userId, cancellationToken);
        }

        var result = write.Outcome switch
        {
            WriteOutcome.Saved => ServiceResult.Success(TermsCodes.Accepted),
            WriteOutcome.NotSaved => ServiceResult.Busy(TermsCodes.Unavailable, write.Failure?.RateLimit?.RetryAfter),
            _ => ServiceResult.Unconfirmed(TermsCodes.Unconfirmed),
        };
        await securityEvents.RecordAsync(userId, SecurityActions.TermsAccepted,
            result.Succeeded ? SecurityOutcomes.Succeeded : SecurityOutcomes.Failed, version, cancellationToken);
        LogAcceptance(logger, version, result.Code!);
        return result;
    }

    public Task RecordDeclinedAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return securityEvents.RecordAsync(userId, SecurityActions.TermsDeclined, SecurityOutcomes.Succeeded, options.Value.Version, cancellationToken);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Terms version {Version} acceptance: {Outcome}")]
    private static partial void LogAcceptance(ILogger logger, string version, string outcome);
}
