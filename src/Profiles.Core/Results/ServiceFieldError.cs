namespace Profiles.Core.Results;

/// <summary>One wrong field: its name as the service knows it, a fixed error code, and the values its message needs (e.g.
/// the attempts left).</summary>
public sealed record ServiceFieldError(string Field, string Code, IReadOnlyList<object> Arguments)
{
    public ServiceFieldError(string field, string code)
        : this(field, code, [])
    {
    }
}
