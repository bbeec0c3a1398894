using System.Net;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;

namespace Profiles.Core.Password;

/// <summary>Setting a new password (<c>PATCH /users/{id}</c> with the connection), then what follows a change.</summary>
public sealed class PasswordChange(IProfileService profiles, IUsersClient users, PasswordChangeFollowUp followUp, PasswordAudit audit,
    IOptions<PasswordOptions> options)
{
    /// <summary>The form's fields, as the page names them.</summary>
    public const string NewPasswordField = "NewPassword";

    public const string ConfirmPasswordField = "ConfirmPassword";

    /// <summary>Sets the password; a refusal for weakness carries the policy's rules with what the password missed.</summary>
    public async Task<ServiceResult<IReadOnlyList<PasswordRule>>> ChangeAsync(string userId, string? keepSessionId, string? newPassword,
        string? confirmation, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (string.IsNullOrEmpty(newPassword))
        {
            return await RefuseAsync(userId, SecurityOutcomes.Refused, ServiceResult.FieldError(NewPasswordField, PasswordErrorCodes.Required).As<IReadOnlyList<PasswordRule>>(), cancellationToken);
        }

        if (!string.Equals(newPassword, confirmation, StringComparison.Ordinal))
        {
            return await RefuseAsync(userId, SecurityOutcomes.Refused, ServiceResult.FieldError(ConfirmPasswordField, PasswordErrorCodes.Mismatch).As<IReadOnlyList<PasswordRule>>(), cancellationToken);
        }

        var profile = await profiles.GetProfileAsync(userId, cancellationToken);
        if (PasswordIdentity.Of(profile) is not { } identity)
        {
            return await RefuseAsync(userId, SecurityOutcomes.Refused, ServiceResult.Refused(PasswordErrorCodes.NoDatabaseIdentity).As<IReadOnlyList<PasswordRule>>(), cancellationToken);
        }

        try
        {
            // UsersClient never repeats a PATCH that carries a password after a 5xx or timeout: a repeat of a change that did
            // go through would be refused by the password history and report a failure for a success.
            await users.UpdateAsync(userId, new UserUpdateRequest { Password = newPassword, Connection = identity.Connection }, cancellationToken);
        }
        catch (ManagementApiException ex) when (ToFailure(ex, newPassword) is { } failure)
        {
            audit.ChangeFailed(userId, (int)ex.StatusCode, failure.Code);
            var outcome = failure.Code switch
            {
                PasswordErrorCodes.RateLimited => SecurityOutcomes.Throttled,
                PasswordErrorCodes.Unavailable => SecurityOutcomes.Failed,
                _ => SecurityOutcomes.Refused,
            };
            return await RefuseAsync(userId, outcome, failure, cancellationToken);
        }

        await audit.ChangedAsync(userId, identity.Connection, cancellationToken);
        await followUp.RunAsync(userId, keepSessionId, profile, cancellationToken);
        return ServiceResults.Success<IReadOnlyList<PasswordRule>>([]);
    }

    private ServiceResult<IReadOnlyList<PasswordRule>>? ToFailure(ManagementApiException ex, string newPassword)
    {
        if (ex.IsRateLimited)
        {
            return ServiceResult.Busy(PasswordErrorCodes.RateLimited, ex.RateLimit?.RetryAfter).As<IReadOnlyList<PasswordRule>>();
        }

        if (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            // Auth0's message starts with the policy error's name ("PasswordStrengthError: Password is too weak").
            var message = ex.ApiMessage ?? "";
            if (message.Contains("PasswordStrengthError", StringComparison.Ordinal))
            {
                return ServiceResult.FieldError(NewPasswordField, PasswordErrorCodes.TooWeak).As(PasswordPolicy.Evaluate(options.Value, newPassword));
            }

            var code = message switch
            {
                _ when message.Contains("PasswordHistoryError", StringComparison.Ordinal) => PasswordErrorCodes.ReusedRecently,
                _ when message.Contains("PasswordDictionaryError", StringComparison.Ordinal) => PasswordErrorCodes.TooCommon,
                _ when message.Contains("PasswordNoUserInfoError", StringComparison.Ordinal) => PasswordErrorCodes.ContainsPersonalInfo,
                _ => null,
            };
            return (code is null ? ServiceResult.Refused(PasswordErrorCodes.Rejected) : ServiceResult.FieldError(NewPasswordField, code))
                .As<IReadOnlyList<PasswordRule>>();
        }

        return ex.IsTransportFailure || (int)ex.StatusCode >= 500
            ? ServiceResult.Busy(PasswordErrorCodes.Unavailable).As<IReadOnlyList<PasswordRule>>()
            : null;
    }

    private async Task<ServiceResult<IReadOnlyList<PasswordRule>>> RefuseAsync(string userId, string outcome, ServiceResult<IReadOnlyList<PasswordRule>> result,
        CancellationToken cancellationToken)
    {
        await audit.ChangeRefusedAsync(userId, outcome, result.Code, cancellationToken);
        return result;
    }
}
