namespace Profiles.Core.Results;

/// <summary>A <see cref="ServiceResult"/> that carries the operation's data: on success always, on a failure when the page
/// needs it to explain (e.g. the password rules that were missed).</summary>
public sealed class ServiceResult<T> : ServiceResult
{
    internal ServiceResult(ServiceOutcome outcome, string? code, IReadOnlyList<ServiceFieldError> fieldErrors, TimeSpan? retryAfter,
        IReadOnlyList<object> arguments, T? value)
        : base(outcome, code, fieldErrors, retryAfter, arguments)
    {
        Value = value;
    }

    public T? Value { get; }
}
