using System.Globalization;

namespace Profiles.TestServices;

/// <summary>
/// Throwaway folders under the temp directory, named after the test process that made them (<c>profiles-{name}-{pid}-…</c>).
/// A test process the runner ends without running its exit handlers cannot remove its own (a PostgreSQL cluster is a few
/// hundred MB); the next test process to make one removes every folder whose process is gone. The test command runs
/// everything under a temporary folder of its own and removes it whole: this is for runs started with <c>dotnet test</c>.
/// </summary>
public static class TestFolders
{
    private static readonly Lazy<int> Swept = new(SweepStale, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new empty folder whose name starts with <c>profiles-{name}-</c>.</summary>
    public static string Create(string name)
    {
        _ = Swept.Value;
        return Directory.CreateTempSubdirectory($"profiles-{name}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-").FullName;
    }

    /// <summary>Removes the folders of test processes that no longer run; returns how many.</summary>
    private static int SweepStale()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "profiles-*"))
        {
            if (OwnerOf(Path.GetFileName(folder)) is not { } owner || owner == Environment.ProcessId || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or a file still open: left for later.
            }
        }

        return removed;
    }

    /// <summary>The process id in a name <see cref="Create"/> made: the part before the random suffix.</summary>
    private static int? OwnerOf(string folderName)
    {
        var parts = folderName.Split('-');
        return parts.Length >= 4 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var owner) ? owner : null;
    }
}
