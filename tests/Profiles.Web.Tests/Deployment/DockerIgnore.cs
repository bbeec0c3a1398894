using System.Text;
using System.Text.RegularExpressions;

namespace Profiles.Web.Tests.Deployment;

/// <summary>
/// <c>.dockerignore</c> as Docker reads it, for the patterns the repository uses: one pattern per line, <c>#</c> comments,
/// <c>*</c> and <c>?</c> within a path segment, <c>**</c> across segments; a pattern that matches a folder leaves out
/// everything under it. Exceptions (<c>!pattern</c>), character classes and escapes are refused rather than half understood.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<Regex> _patterns;

    private DockerIgnore(List<Regex> patterns) => _patterns = patterns;

    public static DockerIgnore Read(string path) => Parse(File.ReadAllLines(path));

    public static DockerIgnore Parse(IEnumerable<string> lines)
    {
        var patterns = new List<Regex>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith('!') || line.IndexOfAny(['[', '\\']) >= 0)
            {
                throw new NotSupportedException($".dockerignore: the replay does not know exceptions, character classes or escapes ({line}).");
            }

            patterns.Add(new Regex("^" + Translate(line.Trim('/')) + "$", RegexOptions.CultureInvariant));
        }

        return new DockerIgnore(patterns);
    }

    /// <summary>Whether a path of the build context (relative, forward slashes) is left out, itself or by a folder above it.</summary>
    public bool Excludes(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            var prefix = string.Join('/', segments[..length]);
            if (_patterns.Exists(p => p.IsMatch(prefix)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" is any number of folders, none included; a trailing "**" is anything.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.ToString();
    }
}
