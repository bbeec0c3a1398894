using System.Xml.Linq;

namespace Profiles.Web.Tests.Deployment;

/// <summary>No Docker engine runs here: the <c>Dockerfile</c> is replayed to make the publish every published-portal test runs
/// (<see cref="DockerfileBuild"/>); these check, without building, what a replay failure would only hint at.</summary>
public sealed class DockerfileTests
{
    [Fact]
    public void The_build_stage_copies_every_project_the_portal_is_built_from_before_the_restore()
    {
        var (build, _) = DockerfileBuild.Parse(File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile")));
        var beforeRestore = build.TakeWhile(i => i.Instruction != "RUN").Where(i => i.Instruction == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToHashSet(StringComparer.Ordinal);
        var sources = build.Where(i => i.Instruction == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToHashSet(StringComparer.Ordinal);

        var projects = PublishedProjects("src/Profiles.Web/Profiles.Web.csproj");

        Assert.Contains("src/Profiles.Persistence.Postgres/Profiles.Persistence.Postgres.csproj", projects);
        Assert.DoesNotContain(projects, p => p.Contains("LocalTenant", StringComparison.Ordinal));
        Assert.All(projects, p => Assert.Contains(p, beforeRestore));
        Assert.All(projects, p => Assert.Contains(p[..(p.LastIndexOf('/') + 1)], sources));
        Assert.All(["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"], f => Assert.Contains(f, beforeRestore));
    }

    [Theory]
    [InlineData("src/Profiles.Web/obj/project.assets.json")]
    [InlineData("src/Profiles.Core/bin/Release/net10.0/Profiles.Core.dll")]
    [InlineData("src/Profiles.Web/.profiles/portal.db")]
    [InlineData("src/Profiles.Web/.localtenant/tenant.db")]
    [InlineData("deploy/.env")]
    [InlineData("deploy/secrets/keyring.pfx")]
    [InlineData(".git/config")]
    public void The_build_context_leaves_out_build_output_local_data_and_secrets(string path) =>
        Assert.True(Ignore().Excludes(path), path);

    [Theory]
    [InlineData("global.json")]
    [InlineData("src/Profiles.Web/Program.cs")]
    [InlineData("src/Profiles.Web/Profiles.Web.csproj")]
    [InlineData("src/Profiles.Persistence.Postgres/Migrations/PortalDbContextModelSnapshot.cs")]
    [InlineData("deploy/healthcheck.sh")]
    public void The_build_context_keeps_the_sources(string path)
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path)), path + " is not in the repository");
        Assert.False(Ignore().Excludes(path), path);
    }

    [Fact]
    public void Ignore_patterns_match_as_docker_matches_them()
    {
        var ignore = DockerIgnore.Parse(["# comment", "**/bin", "*.log", "docs/draft?.md", "build/**"]);

        Assert.True(ignore.Excludes("bin/x.dll"));
        Assert.True(ignore.Excludes("a/b/bin/c/x.dll"));
        Assert.False(ignore.Excludes("a/binary/x.dll"));
        Assert.True(ignore.Excludes("run.log"));
        Assert.False(ignore.Excludes("logs/run.log"));
        Assert.True(ignore.Excludes("docs/draft1.md"));
        Assert.False(ignore.Excludes("docs/draft12.md"));
        Assert.True(ignore.Excludes("build/a/b"));
        Assert.Throws<NotSupportedException>(() => DockerIgnore.Parse(["!keep.txt"]));
        Assert.Throws<NotSupportedException>(() => DockerIgnore.Parse(["bin[0-9]"]));
    }

    private static DockerIgnore Ignore() => DockerIgnore.Read(Path.Combine(RepositoryPaths.Root, ".dockerignore"));

    /// <summary>The project and every project it references, as a publish without the development tenant builds them
    /// (references under a condition on <c>IncludeLocalTenant</c> being true are left out).</summary>
    private static SortedSet<string> PublishedProjects(string project)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([project]);
        while (queue.TryDequeue(out var current))
        {
            if (!found.Add(current))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Path.Combine(RepositoryPaths.Root, current)).Descendants("ProjectReference"))
            {
                var condition = (string?)reference.Parent?.Attribute("Condition") ?? "";
                if (!condition.Contains("'$(IncludeLocalTenant)' == 'true'", StringComparison.Ordinal))
                {
                    queue.Enqueue(Path.GetFullPath(Path.Combine(folder, (string)reference.Attribute("Include")!), "/").TrimStart('/'));
                }
            }
        }

        return found;
    }
}
