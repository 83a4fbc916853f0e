namespace Panoptic.Plugins.TestSupport;

/// <summary>Paths inside the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Panoptic.sln</c>, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file under <c>Configs/</c>.</summary>
    public static string Config(string relativePath) => Path.Combine(Root, "Configs", relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no Panoptic.sln above {AppContext.BaseDirectory}");
    }
}
