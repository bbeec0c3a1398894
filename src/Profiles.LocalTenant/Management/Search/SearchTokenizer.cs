using System.Globalization;
using System.Text;

namespace Profiles.LocalTenant.Management.Search;

/// <summary>Splits a query into tokens. Operators must be upper case, as in Auth0; a backslash escapes the next character.</summary>
public static class SearchTokenizer
{
    private const string Special = "():[]{}\"";

    public static IReadOnlyList<SearchToken> Tokenize(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = new List<SearchToken>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var single = c switch
            {
                '(' => SearchTokenKind.OpenParen,
                ')' => SearchTokenKind.CloseParen,
                ':' => SearchTokenKind.Colon,
                '[' => SearchTokenKind.OpenInclusive,
                '{' => SearchTokenKind.OpenExclusive,
                ']' => SearchTokenKind.CloseInclusive,
                '}' => SearchTokenKind.CloseExclusive,
                _ => (SearchTokenKind?)null,
            };
            if (single is { } kind)
            {
                tokens.Add(new SearchToken(kind, c.ToString(), i));
                i++;
            }
            else if (c == '"')
            {
                i = ReadPhrase(query, i, tokens);
            }
            else
            {
                i = ReadTerm(query, i, tokens);
            }
        }

        tokens.Add(new SearchToken(SearchTokenKind.End, "", query.Length));
        return tokens;
    }

    private static int ReadPhrase(string query, int start, List<SearchToken> tokens)
    {
        var text = new StringBuilder();
        var i = start + 1;
        while (i < query.Length && query[i] != '"')
        {
            if (query[i] == '\\' && i + 1 < query.Length)
            {
                i++;
            }

            text.Append(query[i]);
            i++;
        }

        if (i >= query.Length)
        {
            throw new SearchQueryException(string.Create(CultureInfo.InvariantCulture, $"unterminated quoted phrase at position {start}"));
        }

        tokens.Add(new SearchToken(SearchTokenKind.Phrase, text.ToString(), start));
        return i + 1;
    }

    private static int ReadTerm(string query, int start, List<SearchToken> tokens)
    {
        var text = new StringBuilder();
        var i = start;
        var wildcard = false;
        while (i < query.Length && !char.IsWhiteSpace(query[i]) && !Special.Contains(query[i], StringComparison.Ordinal))
        {
            if (query[i] == '\\')
            {
                if (i + 1 >= query.Length)
                {
                    throw new SearchQueryException(string.Create(CultureInfo.InvariantCulture, $"dangling escape character at position {i}"));
                }

                text.Append(query[i + 1]);
                i += 2;
                continue;
            }

            if (query[i] is '?' || (query[i] == '*' && i + 1 < query.Length && !IsTermEnd(query[i + 1])))
            {
                throw new SearchQueryException(string.Create(CultureInfo.InvariantCulture,
                    $"wildcards are supported only at the end of a term (position {i})"));
            }

            if (query[i] == '*')
            {
                wildcard = true;
            }
            else
            {
                text.Append(query[i]);
            }

            i++;
        }

        var raw = query[start..i];
        var kind = raw switch
        {
            "AND" or "&&" => SearchTokenKind.And,
            "OR" or "||" => SearchTokenKind.Or,
            "NOT" => SearchTokenKind.Not,
            "TO" => SearchTokenKind.To,
            _ => SearchTokenKind.Term,
        };
        tokens.Add(new SearchToken(kind, kind == SearchTokenKind.Term ? text.ToString() : raw, start, wildcard));
        return i;
    }

    private static bool IsTermEnd(char c) => char.IsWhiteSpace(c) || Special.Contains(c, StringComparison.Ordinal);
}
