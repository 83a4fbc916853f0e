namespace Panoptic.Core.Tests.Support;

/// <summary>Where the test plugins, the repository and scratch files are.</summary>
internal static class TestPaths
{
    /// <summary>The copy of a test plugin made by the project's CopyTestPlugins target.</summary>
    public static string TestPlugin(string name) => Path.Combine(AppContext.BaseDirectory, "test-plugins", name);

    public const string Greeting = "Panoptic.TestPlugins.Greeting";

    public const string Clash = "Panoptic.TestPlugins.Clash";

    /// <summary>A tiny trainable model and evaluator (engine tests).</summary>
    public const string TinyModel = "Panoptic.TestPlugins.TinyModel";

    /// <summary>A built-in plugin's folder, <c>artifacts/plugins/&lt;name&gt;</c> (built with this project).</summary>
    public static string BuiltInPlugin(string name) => Path.Combine(RepositoryRoot, "artifacts", "plugins", name);

    /// <summary>The repository root (the folder holding Panoptic.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")) || Directory.Exists(Path.Combine(dir.FullName, "Configs")))
                    return dir.FullName;
            }
            throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
