namespace Profiles.Core.Activity;

/// <summary>The actions security events record. Stable strings: they are stored, exported and localized by name.</summary>
public static class SecurityActions
{
    public const string PasswordResetRequested = "password_reset_requested";
    public const string PasswordChanged = "password_changed";
    public const string VerificationEmailSent = "verification_email_sent";
    public const string EmailChangeRequested = "email_change_requested";
    public const string EmailChanged = "email_changed";
    public const string EmailChangeCancelled = "email_change_cancelled";
    public const string IdentityLinked = "identity_linked";
    public const string IdentityUnlinked = "identity_unlinked";
    public const string DataExported = "data_exported";
    public const string DeletionRequested = "deletion_requested";
    public const string DeletionCancelled = "deletion_cancelled";
    public const string ReauthenticationRequired = "reauthentication_required";
    public const string SessionsEnded = "sessions_ended";
    public const string TermsAccepted = "terms_accepted";
    public const string TermsDeclined = "terms_declined";
    public const string DeviceSignedOut = "device_signed_out";
    public const string SignedOutEverywhereElse = "signed_out_everywhere_else";
    public const string AuthenticatorAdded = "authenticator_added";
    /// <summary>An enrolment ticket sent the user to Auth0's own page to add a factor (the portal does not see it finish).</summary>
    public const string AuthenticatorEnrollmentStarted = "authenticator_enrollment_started";
    public const string AuthenticatorRemoved = "authenticator_removed";
    public const string RecoveryCodeRegenerated = "recovery_code_regenerated";
    public const string RememberedBrowsersForgotten = "remembered_browsers_forgotten";
}
