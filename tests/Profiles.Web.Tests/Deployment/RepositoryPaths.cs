namespace Profiles.Web.Tests.Deployment;

/// <summary>The repository the tests were built from (the folder holding Profiles.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

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
