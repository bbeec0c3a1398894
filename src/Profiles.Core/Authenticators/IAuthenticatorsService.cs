using Profiles.Core.Results;

namespace Profiles.Core.Authenticators;

/// <summary>The user's second factors and passkeys: list, rename, remove, enrol (My Account API, else an enrolment ticket),
/// the recovery code and remembered browsers.</summary>
public interface IAuthenticatorsService
{
    /// <summary>Whether the page should first get the user a My Account API token (the API is in use and none is kept).</summary>
    Task<bool> NeedsTokenAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>The tenant refused this sign-in a My Account API token (not activated, no client grant): the page works through
    /// the Management API for the rest of the hour instead of asking again at every view.</summary>
    Task MyAccountRefusedAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>Keeps the user's My Account API token for this sign-in.</summary>
    Task KeepTokenAsync(AuthenticatorViewer viewer, MyAccountToken token, CancellationToken cancellationToken);

    /// <summary>The user's methods, through the My Account API when a token is kept, else the Management API.</summary>
    Task<ServiceResult<AuthenticatorList>> ListAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>How many second factors the user has, for the overview: remembered for a few minutes (dropped on every change
    /// made here), else one Management API read; null when Auth0 could not say.</summary>
    Task<int?> CountSecondFactorsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Gives a method a nickname (1–20 characters).</summary>
    Task<ServiceResult> RenameAsync(AuthenticatorViewer viewer, string methodId, string? name, CancellationToken cancellationToken);

    /// <summary>Removes a method; refused for the last second factor when two-step verification is required.</summary>
    Task<ServiceResult> RemoveAsync(AuthenticatorViewer viewer, string methodId, CancellationToken cancellationToken);

    /// <summary>Starts adding a method through the My Account API; <paramref name="contact"/> is the phone number or address.</summary>
    Task<ServiceResult<PendingEnrollment>> StartEnrollmentAsync(AuthenticatorViewer viewer, EnrollableFactor factor, string? contact,
        CancellationToken cancellationToken);

    /// <summary>The enrolment in progress, if any.</summary>
    Task<PendingEnrollment?> FindEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>Finishes the enrolment in progress with the one-time code (attempts limited).</summary>
    Task<ServiceResult> VerifyEnrollmentAsync(AuthenticatorViewer viewer, string? code, CancellationToken cancellationToken);

    /// <summary>Finishes a passkey enrolment with the browser's attestation response (JSON).</summary>
    Task<ServiceResult> VerifyPasskeyAsync(AuthenticatorViewer viewer, string? attestation, CancellationToken cancellationToken);

    /// <summary>Drops the enrolment in progress.</summary>
    Task CancelEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>An Auth0 enrolment ticket URL: adding the factor on Auth0's own page (used when the My Account API is not).</summary>
    Task<ServiceResult<string>> CreateEnrollmentTicketAsync(AuthenticatorViewer viewer, EnrollableFactor factor, CancellationToken cancellationToken);

    /// <summary>A first recovery code through the My Account API (enrolled and confirmed at once), to show once.</summary>
    Task<ServiceResult<string>> AddRecoveryCodeAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>A new recovery code (the old one stops working), to show once.</summary>
    Task<ServiceResult<string>> RegenerateRecoveryCodeAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);

    /// <summary>Every browser that skipped two-step verification ("remember this browser") asks again.</summary>
    Task<ServiceResult> ForgetRememberedBrowsersAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken);
}
