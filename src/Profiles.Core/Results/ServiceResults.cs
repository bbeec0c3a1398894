namespace Profiles.Core.Results;

/// <summary>Successes that carry data (failures come from <see cref="ServiceResult"/> with <see cref="ServiceResult.As{T}"/>).</summary>
public static class ServiceResults
{
    public static ServiceResult<T> Success<T>(T value, string? code = null) => new(ServiceOutcome.Succeeded, code, [], null, [], value);
}
