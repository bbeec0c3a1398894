namespace Profiles.LocalTenant.Management.Search;

/// <summary>How Auth0's user search treats each field (its "User Search Query Syntax" page).</summary>
public static class SearchFields
{
    /// <summary>Normalized fields whose values match case-insensitively; every other field is case-sensitive.</summary>
    public static readonly IReadOnlySet<string> CaseInsensitive = new HashSet<string>(StringComparer.Ordinal)
    {
        "email", "name", "given_name", "family_name", "nickname",
    };

    /// <summary>Name fields also match single words of their value (<c>name:richard</c> finds "John Richard Doe").</summary>
    public static readonly IReadOnlySet<string> Worded = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "given_name", "family_name", "nickname",
    };

    /// <summary>Fields a term without a field name searches (never metadata).</summary>
    public static readonly IReadOnlyList<string> Default = ["user_id", "email", "name", "given_name", "family_name", "nickname", "username"];

    /// <summary>Date fields: ranges such as <c>created_at:[2026-01-01 TO *]</c>.</summary>
    public static readonly IReadOnlySet<string> Dates = new HashSet<string>(StringComparer.Ordinal)
    {
        "created_at", "updated_at", "last_login", "last_password_reset",
    };

    /// <summary>Numeric fields: ranges such as <c>logins_count:[10 TO *]</c>.</summary>
    public static readonly IReadOnlySet<string> Numbers = new HashSet<string>(StringComparer.Ordinal) { "logins_count" };

    public static bool IsMetadata(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.StartsWith("app_metadata.", StringComparison.Ordinal) || field.StartsWith("user_metadata.", StringComparison.Ordinal);
    }
}
