namespace Profiles.Core.Results;

/// <summary>The five ways a service operation the pages call can end.</summary>
public enum ServiceOutcome
{
    /// <summary>Done; <see cref="ServiceResult.Code"/> says which success when an operation has several.</summary>
    Succeeded,

    /// <summary>A typed value is wrong; <see cref="ServiceResult.FieldErrors"/> says which field and why. Nothing changed.</summary>
    FieldError,

    /// <summary>The operation is not allowed or failed for good, for the reason in <see cref="ServiceResult.Code"/>.</summary>
    Refused,

    /// <summary>Auth0 or the portal cannot take it now; try again, after <see cref="ServiceResult.RetryAfter"/> when known.</summary>
    Busy,

    /// <summary>The write's answer was lost and could not be settled: it may or may not have been applied.</summary>
    Unconfirmed,
}
