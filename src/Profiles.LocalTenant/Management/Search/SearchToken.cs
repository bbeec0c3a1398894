namespace Profiles.LocalTenant.Management.Search;

/// <summary>One token of a search query: its kind, its text (unescaped for terms and phrases) and where it starts.</summary>
/// <param name="Wildcard">For terms: the query wrote an unescaped <c>*</c> at the end (a prefix search).</param>
public readonly record struct SearchToken(SearchTokenKind Kind, string Text, int Position, bool Wildcard = false);
