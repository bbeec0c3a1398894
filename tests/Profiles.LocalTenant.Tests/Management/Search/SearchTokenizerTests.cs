using Profiles.LocalTenant.Management.Search;

namespace Profiles.LocalTenant.Tests.Management.Search;

public class SearchTokenizerTests
{
    [Fact]
    public void Splits_fields_values_operators_ranges_and_phrases()
    {
        var tokens = SearchTokenizer.Tokenize("""email:jo* AND NOT (name:"Jane Doe" OR created_at:[2026-01-01 TO *})""");

        Assert.Equal(
        [
            SearchTokenKind.Term, SearchTokenKind.Colon, SearchTokenKind.Term, SearchTokenKind.And, SearchTokenKind.Not, SearchTokenKind.OpenParen,
            SearchTokenKind.Term, SearchTokenKind.Colon, SearchTokenKind.Phrase, SearchTokenKind.Or, SearchTokenKind.Term, SearchTokenKind.Colon,
            SearchTokenKind.OpenInclusive, SearchTokenKind.Term, SearchTokenKind.To, SearchTokenKind.Term, SearchTokenKind.CloseExclusive,
            SearchTokenKind.CloseParen, SearchTokenKind.End,
        ], tokens.Select(t => t.Kind));
        Assert.Equal("jo", tokens[2].Text);
        Assert.True(tokens[2].Wildcard);
        Assert.Equal("Jane Doe", tokens[8].Text);
        Assert.True(tokens[15].Wildcard);
        Assert.Equal("", tokens[15].Text);
    }

    [Fact]
    public void Operators_are_upper_case_only_as_in_auth0()
    {
        var tokens = SearchTokenizer.Tokenize("a and b AND c");

        Assert.Equal([SearchTokenKind.Term, SearchTokenKind.Term, SearchTokenKind.Term, SearchTokenKind.And, SearchTokenKind.Term, SearchTokenKind.End],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void A_backslash_escapes_special_characters_and_a_star()
    {
        var tokens = SearchTokenizer.Tokenize(@"created_at:2026-01-01T10\:00 app_metadata.code:a\*b");

        Assert.Equal("2026-01-01T10:00", tokens[2].Text);
        Assert.Equal("a*b", tokens[5].Text);
        Assert.False(tokens[5].Wildcard);
    }

    [Fact]
    public void Phrases_keep_spaces_and_escaped_quotes()
    {
        var token = SearchTokenizer.Tokenize("""name:"say \"hi\" now" """)[2];

        Assert.Equal(SearchTokenKind.Phrase, token.Kind);
        Assert.Equal("say \"hi\" now", token.Text);
    }

    [Theory]
    [InlineData("name:\"open", "unterminated quoted phrase at position 5")]
    [InlineData("name:*ane", "wildcards are supported only at the end of a term (position 5)")]
    [InlineData("name:j?ne", "wildcards are supported only at the end of a term (position 6)")]
    [InlineData("name:jane\\", "dangling escape character at position 9")]
    public void Refuses_what_it_cannot_read(string query, string reason)
        => Assert.Equal(reason, Assert.Throws<SearchQueryException>(() => SearchTokenizer.Tokenize(query)).Message);
}
