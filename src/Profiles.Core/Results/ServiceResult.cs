namespace Profiles.Core.Results;

/// <summary>
/// The outcome of a service operation a page calls. Expected failures are results, never exceptions: a field error (shown
/// next to the field), a refusal with a code, "busy, retry in N s", or "unconfirmed" (the write's answer was lost and the
/// re-read could not settle it). Codes are fixed strings; the web layer turns them into localised sentences.
/// </summary>
public class ServiceResult
{
    private static readonly ServiceResult PlainSuccess = new(ServiceOutcome.Succeeded, null, [], null, []);

    protected ServiceResult(ServiceOutcome outcome, string? code, IReadOnlyList<ServiceFieldError> fieldErrors, TimeSpan? retryAfter,
        IReadOnlyList<object> arguments)
    {
        Outcome = outcome;
        Code = code;
        FieldErrors = fieldErrors;
        RetryAfter = retryAfter;
        Arguments = arguments;
    }

    public ServiceOutcome Outcome { get; }

    public bool Succeeded => Outcome == ServiceOutcome.Succeeded;

    /// <summary>For a failure: why (the first field's code for a field error). For a success: which one, when an operation has
    /// several (e.g. scheduled or deleted at once); otherwise null.</summary>
    public string? Code { get; }

    /// <summary>The wrong fields, for <see cref="ServiceOutcome.FieldError"/>; empty otherwise.</summary>
    public IReadOnlyList<ServiceFieldError> FieldErrors { get; }

    /// <summary>When the operation may be tried again, if the service knows.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The values a refusal's message needs (e.g. a size limit); a field error's are on the field.</summary>
    public IReadOnlyList<object> Arguments { get; }

    /// <summary>True when trying again later may work: the portal or Auth0 was busy, or the outcome is unknown.</summary>
    public bool IsTemporary => Outcome is ServiceOutcome.Busy or ServiceOutcome.Unconfirmed;

    public static ServiceResult Success(string? code = null) => code is null ? PlainSuccess : new(ServiceOutcome.Succeeded, code, [], null, []);

    public static ServiceResult FieldError(string field, string code, params object[] arguments) =>
        Invalid([new ServiceFieldError(field, code, arguments)]);

    public static ServiceResult Invalid(IReadOnlyList<ServiceFieldError> fieldErrors)
    {
        ArgumentNullException.ThrowIfNull(fieldErrors);
        ArgumentOutOfRangeException.ThrowIfZero(fieldErrors.Count);
        return new(ServiceOutcome.FieldError, fieldErrors[0].Code, fieldErrors, null, []);
    }

    public static ServiceResult Refused(string code, params object[] arguments) => new(ServiceOutcome.Refused, code, [], null, arguments);

    public static ServiceResult Busy(string code, TimeSpan? retryAfter = null, params object[] arguments) =>
        new(ServiceOutcome.Busy, code, [], retryAfter, arguments);

    public static ServiceResult Unconfirmed(string code, TimeSpan? retryAfter = null) => new(ServiceOutcome.Unconfirmed, code, [], retryAfter, []);

    /// <summary>The same failure carrying a value type (for operations whose success returns data).</summary>
    public ServiceResult<T> As<T>(T? value = default) => new(Outcome, Code, FieldErrors, RetryAfter, Arguments, value);
}
