namespace Profiles.Core.Account;

/// <summary>The outcome of a password action: success, or an expected failure with its code (<see cref="PasswordErrorCodes"/>).</summary>
public sealed record PasswordResult
{
    public bool Succeeded { get; private init; }

    public string? ErrorCode { get; private init; }

    /// <summary>When the action may be tried again (throttled or rate limited), if known.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>For <see cref="PasswordErrorCodes.TooWeak"/>: the policy's rules and which ones the password missed.</summary>
    public IReadOnlyList<PasswordRule> Rules { get; private init; } = [];

    /// <summary>True when the error concerns the typed password (shown next to the field) rather than the whole form.</summary>
    public bool IsFieldError => ErrorCode is PasswordErrorCodes.Required or PasswordErrorCodes.Mismatch or PasswordErrorCodes.TooWeak
        or PasswordErrorCodes.ReusedRecently or PasswordErrorCodes.TooCommon or PasswordErrorCodes.ContainsPersonalInfo;

    public static PasswordResult Ok() => new() { Succeeded = true };

    public static PasswordResult Failed(string errorCode, TimeSpan? retryAfter = null) =>
        new() { ErrorCode = errorCode, RetryAfter = retryAfter };

    public static PasswordResult Weak(IReadOnlyList<PasswordRule> rules) =>
        new() { ErrorCode = PasswordErrorCodes.TooWeak, Rules = rules };
}
