using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>
/// Every message text in the tenant's API code, checked against the texts Auth0 publishes for its responses (the Management
/// API document's response descriptions) and the messages in the recorded fixtures: where one of them names the same message,
/// the tenant's text must be exactly one of Auth0's, down to case and the final period. (The document writes both
/// "Insufficient scope, expected any of" and "…; expected…"; the tenant uses the comma, as real answers quoted in public
/// issue threads do.)
/// </summary>
public sealed partial class ErrorTextTests
{
    private static readonly Lazy<IReadOnlyList<string>> AuthZeroTexts = new(LoadAuthZeroTexts);

    [Fact]
    public void Every_tenant_message_that_auth0_names_is_word_for_word_auth0s()
    {
        var checkedTexts = new List<string>();
        var wrong = new List<string>();
        foreach (var (file, text, pattern) in TenantTexts())
        {
            var named = AuthZeroTexts.Value.Where(a => pattern.Loose.IsMatch(a)).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            checkedTexts.Add(text);
            if (!named.Any(t => pattern.Exact.IsMatch(t)))
            {
                wrong.Add($"{file}: \"{text}\" — Auth0: \"{string.Join("\" / \"", named)}\"");
            }
        }

        Assert.True(wrong.Count == 0, "Tenant texts that differ from Auth0's:\n" + string.Join('\n', wrong));
        // The check must have reached the texts this test exists for.
        Assert.Contains("Cannot update email for non-database user.", checkedTexts);
        Assert.Contains("Cannot update {} and {} simultaneously.", checkedTexts);
        Assert.Contains("Invalid signature received for JSON Web Token validation.", checkedTexts);
        Assert.Contains("The user does not exist.", checkedTexts);
        Assert.Contains("You are not allowed to use search_engine=v2. Use search_engine=v3 instead.", checkedTexts);
        Assert.Contains(checkedTexts, t => t.StartsWith("You can only page through the first 1000 records.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_catches_a_missing_final_period_and_other_wording()
    {
        var withoutPeriod = Pattern("Cannot update email for non-database user");
        var together = Pattern("Cannot update {} and {} together");
        var right = Pattern("Cannot update {} and {} simultaneously.");

        var named = AuthZeroTexts.Value.Where(t => withoutPeriod.Loose.IsMatch(t)).ToList();
        Assert.NotEmpty(named);
        Assert.DoesNotContain(named, t => withoutPeriod.Exact.IsMatch(t));
        Assert.DoesNotContain(AuthZeroTexts.Value, t => together.Loose.IsMatch(t));
        Assert.Contains(AuthZeroTexts.Value, t => right.Exact.IsMatch(t));
    }

    /// <summary>String literals of the tenant's API code that read like messages; interpolation holes become <c>{}</c>.</summary>
    private static IEnumerable<(string File, string Text, TextPattern Pattern)> TenantTexts()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Profiles.LocalTenant");
        // The Management API's texts; the Authentication API words its errors in its own documents.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "Management"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                var text = Unescape(literal.Groups["body"].Value, interpolated: literal.Groups["dollar"].Success);
                if (text.Length >= 8 && char.IsUpper(text[0]) && text.Contains(' ', StringComparison.Ordinal))
                {
                    yield return (Path.GetRelativePath(source, file), text, Pattern(text));
                }
            }
        }
    }

    private static string Unescape(string body, bool interpolated)
    {
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                text.Append(body[++i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else if (c == '{' && i + 1 < body.Length && body[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < body.Length && body[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (c == '{' && (interpolated || (i + 1 < body.Length && char.IsDigit(body[i + 1]))))
            {
                var depth = 1;
                while (depth > 0 && ++i < body.Length)
                {
                    depth += body[i] switch { '{' => 1, '}' => -1, _ => 0 };
                }

                text.Append("{}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Loose: same words, any case, with or without a final period, ',' or ';' alike, and a trailing ': ' taking a
    /// list; exact: Auth0's text to the letter. <c>{}</c> stands for any value.</summary>
    private static TextPattern Pattern(string text)
    {
        var open = text.EndsWith(": ", StringComparison.Ordinal);
        var core = text.TrimEnd();
        var parts = core.Split("{}").Select(Regex.Escape).ToArray();
        var exact = string.Join(".+", parts) + (open ? " .+" : "");
        var loose = string.Join(".+", core.TrimEnd('.').Split("{}").Select(p => Regex.Replace(Regex.Escape(p), "[,;]", "[,;]")))
            + (open ? " .+" : "") + @"\.?";
        return new TextPattern(new Regex("^" + exact + "$", RegexOptions.CultureInvariant),
            new Regex("^" + loose + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
    }

    /// <summary>The Management API document's response texts (its example host rewritten to auth0.com) and the messages of
    /// the recorded fixtures.</summary>
    private static List<string> LoadAuthZeroTexts()
    {
        var texts = new List<string>();
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Contract", "OpenApi", "auth0-management-api-v2.openapi.yaml")))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("paths")];
        foreach (var operation in paths.Children.Values.OfType<YamlMappingNode>().SelectMany(p => p.Children.Values.OfType<YamlMappingNode>()))
        {
            if (!operation.Children.TryGetValue(new YamlScalarNode("responses"), out var responses))
            {
                continue;
            }

            foreach (var response in ((YamlMappingNode)responses).Children.Values.OfType<YamlMappingNode>())
            {
                texts.AddRange(response.Children
                    .Where(c => ((YamlScalarNode)c.Key).Value is "description" || ((YamlScalarNode)c.Key).Value!.StartsWith("x-description-", StringComparison.Ordinal))
                    .Select(c => ((YamlScalarNode)c.Value).Value!.Trim().Replace("manage.local.dev.auth0.com", "auth0.com", StringComparison.Ordinal)));
            }
        }

        foreach (var fixture in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.yaml"))
        {
            texts.AddRange(FixtureMessage().Matches(File.ReadAllText(fixture)).Select(m => m.Groups[1].Value));
        }

        return texts.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Profiles.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Profiles.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?<dollar>\$)?(?<!@)""(?<body>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\\?""message\\?"":\s*\\?""([^""\\]+)\\?""")]
    private static partial Regex FixtureMessage();

    private sealed record TextPattern(Regex Exact, Regex Loose);
}
