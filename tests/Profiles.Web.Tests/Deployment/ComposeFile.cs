using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Profiles.Web.Tests.Deployment;

/// <summary><c>deploy/compose.yaml</c> as the tests read it: the variables of every <c>environment</c> block (the shared
/// portal block included), with compose's <c>${NAME:-default}</c> / <c>${NAME:?message}</c> substitution.</summary>
public static partial class ComposeFile
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root, "deploy", "compose.yaml");

    /// <summary>Every variable set in the file, with its raw (unsubstituted) value.</summary>
    public static Dictionary<string, string> Environment()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path))
        {
            yaml.Load(reader);
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<YamlNode>([yaml.Documents[0].RootNode]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case YamlMappingNode mapping:
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (key is YamlScalarNode { Value: "environment" } && value is YamlMappingNode environment)
                        {
                            foreach (var (name, setting) in environment.Children)
                            {
                                variables[((YamlScalarNode)name).Value!] = (setting as YamlScalarNode)?.Value ?? "";
                            }
                        }
                        else
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }

        return variables;
    }

    /// <summary>Compose's substitution: <c>${NAME}</c> and <c>${NAME:?…}</c> from <paramref name="values"/> (missing is an
    /// error, as for compose), <c>${NAME:-default}</c> from it or the default.</summary>
    public static string Substitute(string value, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Variable().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var given))
            {
                return given;
            }

            return match.Groups["kind"].Value == ":-"
                ? match.Groups["rest"].Value
                : throw new InvalidOperationException($"compose.yaml needs {name}.");
        });
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<kind>:[-?])(?<rest>[^}]*))?\}")]
    private static partial Regex Variable();
}
