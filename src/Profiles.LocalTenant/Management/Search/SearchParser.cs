using System.Globalization;

namespace Profiles.LocalTenant.Management.Search;

/// <summary>
/// Recursive-descent parser for the subset of Auth0's Lucene-style user search the tenant runs:
/// <code>
/// query   := or End
/// or      := and ( OR and )*
/// and     := unary ( [AND] unary )*          (clauses side by side are ANDed)
/// unary   := NOT unary | primary
/// primary := ( or ) | Term : value | Term : range | value
/// value   := Term | Phrase                   (a term may end in * for a prefix search)
/// range   := ( [ | { ) bound TO bound ( ] | } )   (bound: Term, Phrase or *)
/// </code>
/// </summary>
public sealed class SearchParser
{
    private readonly IReadOnlyList<SearchToken> _tokens;
    private int _next;

    private SearchParser(IReadOnlyList<SearchToken> tokens) => _tokens = tokens;

    private SearchToken Current => _tokens[_next];

    /// <summary>Parses <paramref name="query"/>; throws <see cref="SearchQueryException"/> with the reason when it cannot.</summary>
    public static SearchNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new SearchParser(SearchTokenizer.Tokenize(query));
        if (parser.Current.Kind == SearchTokenKind.End)
        {
            throw new SearchQueryException("the query is empty");
        }

        var node = parser.ParseOr();
        parser.Expect(SearchTokenKind.End, "the end of the query");
        return node;
    }

    private SearchNode ParseOr()
    {
        var parts = new List<SearchNode> { ParseAnd() };
        while (Current.Kind == SearchTokenKind.Or)
        {
            _next++;
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new AnyOfNode(parts);
    }

    private SearchNode ParseAnd()
    {
        var parts = new List<SearchNode> { ParseUnary() };
        while (true)
        {
            if (Current.Kind == SearchTokenKind.And)
            {
                _next++;
                parts.Add(ParseUnary());
            }
            else if (Current.Kind is SearchTokenKind.Not or SearchTokenKind.OpenParen or SearchTokenKind.Term or SearchTokenKind.Phrase)
            {
                parts.Add(ParseUnary());
            }
            else
            {
                return parts.Count == 1 ? parts[0] : new AllOfNode(parts);
            }
        }
    }

    private SearchNode ParseUnary()
    {
        if (Current.Kind != SearchTokenKind.Not)
        {
            return ParsePrimary();
        }

        _next++;
        return new NotNode(ParseUnary());
    }

    private SearchNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case SearchTokenKind.OpenParen:
                _next++;
                var inner = ParseOr();
                Expect(SearchTokenKind.CloseParen, "')'");
                return inner;
            case SearchTokenKind.Phrase:
                _next++;
                return new TermNode(null, token.Text, prefix: false);
            case SearchTokenKind.Term when _tokens[_next + 1].Kind == SearchTokenKind.Colon:
                _next += 2;
                return ParseFieldValue(token);
            case SearchTokenKind.Term:
                _next++;
                return new TermNode(null, token.Text, token.Wildcard);
            default:
                throw Unexpected("a term, a quoted phrase, NOT or '('");
        }
    }

    private SearchNode ParseFieldValue(SearchToken fieldToken)
    {
        var field = fieldToken.Text;
        if (field.Length == 0 || fieldToken.Wildcard)
        {
            throw new SearchQueryException(At(fieldToken, "a field name"));
        }

        var token = Current;
        switch (token.Kind)
        {
            case SearchTokenKind.Term or SearchTokenKind.Phrase:
                _next++;
                if (token.Wildcard && SearchFields.IsMetadata(field))
                {
                    throw new SearchQueryException($"wildcard searches are not available on metadata fields ({field})");
                }

                return new TermNode(field, token.Text, token.Wildcard);
            case SearchTokenKind.OpenInclusive or SearchTokenKind.OpenExclusive:
                return ParseRange(field);
            case SearchTokenKind.OpenParen:
                throw new SearchQueryException(At(token, $"a value for {field} (grouping several values under one field is not supported: write {field}:a OR {field}:b)"));
            default:
                throw Unexpected($"a value for {field}");
        }
    }

    private RangeNode ParseRange(string field)
    {
        if (SearchFields.IsMetadata(field))
        {
            throw new SearchQueryException($"range searches are not available on metadata fields ({field})");
        }

        var lowerInclusive = Current.Kind == SearchTokenKind.OpenInclusive;
        _next++;
        var lower = ParseBound();
        Expect(SearchTokenKind.To, "TO");
        var upper = ParseBound();
        var close = Current;
        if (close.Kind is not (SearchTokenKind.CloseInclusive or SearchTokenKind.CloseExclusive))
        {
            throw Unexpected("']' or '}'");
        }

        _next++;
        return new RangeNode(field, lower, lowerInclusive, upper, close.Kind == SearchTokenKind.CloseInclusive);
    }

    private string? ParseBound()
    {
        var token = Current;
        if (token.Kind is not (SearchTokenKind.Term or SearchTokenKind.Phrase))
        {
            throw Unexpected("a range bound or *");
        }

        _next++;
        if (token.Kind == SearchTokenKind.Term && token.Wildcard)
        {
            return token.Text.Length == 0 ? null : throw new SearchQueryException(At(token, "a range bound without a wildcard"));
        }

        return token.Text;
    }

    private void Expect(SearchTokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected(what);
        }

        _next++;
    }

    private SearchQueryException Unexpected(string expected) => new(At(Current, expected));

    private static string At(SearchToken token, string expected)
        => token.Kind == SearchTokenKind.End
            ? $"expected {expected} but the query ended"
            : string.Create(CultureInfo.InvariantCulture, $"expected {expected} at position {token.Position}, found '{token.Text}'");
}
