using System.Text.RegularExpressions;
using Profiles.TestServices;

namespace Profiles.Web.Tests.Deployment;

/// <summary>
/// The <c>Dockerfile</c>'s build stage replayed without Docker (none runs here): its <c>WORKDIR</c>, <c>COPY</c> and
/// <c>RUN</c> instructions, in order, in a throwaway folder standing for the build container's file system, copying from the
/// repository as the build context with <c>.dockerignore</c> applied. The folder the runtime stage copies from
/// (<c>COPY --from=build /app</c>) is the replay's output. Anything the replay does not understand (another instruction in the
/// build stage, a wildcard, an exception in <c>.dockerignore</c>) stops it, so it never silently builds something else than
/// the image would.
/// </summary>
public static partial class DockerfileBuild
{
    /// <summary>Replays the build stage and leaves what it publishes in <paramref name="outputDirectory"/>.</summary>
    public static async Task ReplayAsync(string repositoryRoot, string outputDirectory, TimeSpan timeout)
    {
        var (build, product) = Parse(File.ReadAllLines(Path.Combine(repositoryRoot, "Dockerfile")));
        var ignore = DockerIgnore.Read(Path.Combine(repositoryRoot, ".dockerignore"));
        var root = TestFolders.Create("dockerfile");
        try
        {
            var workdir = "/";
            foreach (var (instruction, arguments) in build)
            {
                switch (instruction)
                {
                    case "WORKDIR":
                        workdir = arguments.StartsWith('/') ? arguments : Path.Combine(workdir, arguments);
                        Directory.CreateDirectory(InRoot(root, workdir));
                        break;
                    case "COPY":
                        Copy(repositoryRoot, ignore, root, workdir, arguments);
                        break;
                    case "RUN":
                        var command = ProductPath(product).Replace(arguments, _ => "'" + outputDirectory + "'");
                        var (exitCode, output) = await ReleasePublish.RunAsync("/bin/sh", ["-c", command], InRoot(root, workdir), BuildEnvironment, timeout);
                        Assert.True(exitCode == 0, $"Dockerfile: RUN {arguments} failed:\n{output}");
                        break;
                    default:
                        throw new NotSupportedException($"Dockerfile: the replay does not know {instruction} in the build stage.");
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the run's temporary folder is removed at its end anyway; the build's outcome stands.
            }
        }
    }

    /// <summary>A throwaway build leaves no MSBuild node or compiler server running (the image build would end them too).</summary>
    private static readonly Dictionary<string, string?> BuildEnvironment = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
    };

    /// <summary>The build stage's instructions (continuation lines joined, comments dropped) and the path the runtime stage
    /// copies from it.</summary>
    internal static (List<(string Instruction, string Arguments)> Build, string Product) Parse(IEnumerable<string> lines)
    {
        var instructions = new List<(string Instruction, string Arguments)>();
        var pending = "";
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            pending += line;
            if (pending.EndsWith('\\'))
            {
                pending = pending[..^1] + " ";
                continue;
            }

            var space = pending.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((pending[..space].ToUpperInvariant(), pending[(space + 1)..].Trim()));
            pending = "";
        }

        var stages = instructions.Select((i, index) => (i, index)).Where(x => x.i.Instruction == "FROM").Select(x => x.index).ToList();
        Assert.True(stages.Count >= 2 && instructions[stages[0]].Arguments.EndsWith(" AS build", StringComparison.OrdinalIgnoreCase),
            "Dockerfile: expected a first stage named build and a runtime stage after it.");
        var build = instructions.Skip(stages[0] + 1).Take(stages[1] - stages[0] - 1).ToList();
        var product = instructions.Skip(stages[1])
            .Where(i => i.Instruction == "COPY")
            .Select(i => CopyFromBuild().Match(i.Arguments))
            .Where(m => m.Success)
            .Select(m => m.Groups["path"].Value)
            .Single();
        return (build, product);
    }

    private static Regex ProductPath(string product) => new($"(?<=\\s){Regex.Escape(product)}(?=\\s|$)", RegexOptions.CultureInvariant);

    /// <summary>Docker's <c>COPY src... dest</c>: a folder's contents go into <c>dest</c>; a file goes into <c>dest</c> when it
    /// ends with a slash, else becomes <c>dest</c>.</summary>
    private static void Copy(string context, DockerIgnore ignore, string root, string workdir, string arguments)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p.StartsWith("--", StringComparison.Ordinal) || p.IndexOfAny(['*', '?', '[']) >= 0))
        {
            throw new NotSupportedException($"Dockerfile: the replay does not know COPY {arguments}.");
        }

        var destination = parts[^1].StartsWith('/') ? parts[^1] : Path.Combine(workdir, parts[^1]);
        foreach (var source in parts[..^1].Select(p => p.TrimEnd('/')))
        {
            var from = Path.GetFullPath(Path.Combine(context, source));
            var relativeSource = Path.GetRelativePath(context, from).Replace('\\', '/');
            if (relativeSource.StartsWith("..", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"Dockerfile: COPY {source} is outside the build context.");
            }

            if (Directory.Exists(from))
            {
                foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(context, file).Replace('\\', '/');
                    if (!ignore.Excludes(relative))
                    {
                        CopyFile(file, InRoot(root, Path.Combine(destination, Path.GetRelativePath(from, file))));
                    }
                }
            }
            else
            {
                Assert.True(File.Exists(from) && !ignore.Excludes(relativeSource), $"Dockerfile: COPY {source}: not in the build context.");
                CopyFile(from, InRoot(root, parts[^1].EndsWith('/') ? Path.Combine(destination, Path.GetFileName(source)) : destination));
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private static string InRoot(string root, string containerPath) => Path.Combine(root, containerPath.TrimStart('/'));

    [GeneratedRegex(@"^--from=build\s+(?<path>/\S+)\s")]
    private static partial Regex CopyFromBuild();
}
