namespace Profiles.LocalTenant.Management.Search;

/// <summary>The kinds of token in a user search query (Auth0's Lucene-style <c>q</c>).</summary>
public enum SearchTokenKind
{
    Term,
    Phrase,
    Colon,
    OpenParen,
    CloseParen,
    OpenInclusive,
    OpenExclusive,
    CloseInclusive,
    CloseExclusive,
    And,
    Or,
    Not,
    To,
    End,
}
