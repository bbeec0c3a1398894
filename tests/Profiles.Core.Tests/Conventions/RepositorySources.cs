namespace Profiles.Core.Tests.Conventions;

/// <summary>The repository's own source files, for the convention tests that scan them.</summary>
internal static class RepositorySources
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# line under <paramref name="folder"/> (relative to the root), outside bin/obj, with its file and line number.</summary>
    public static IEnumerable<(string File, string Line, int Number)> CSharpLines(string folder, IReadOnlyCollection<string> exceptFiles) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Where(file => !file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            .Where(file => !exceptFiles.Contains(file))
            .SelectMany(file => File.ReadLines(Path.Combine(Root, file)).Select((line, index) => (file, line, index + 1)));

    private static string FindRoot()
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
}
