namespace Panoptic.Plugins.Data.Tests.Support;

/// <summary>Paths in the checkout: configs and the built-in plugin folder.</summary>
internal static class Repository
{
    public static string Root => SharedData.RepositoryRoot();

    public static string Config(string relative) => Path.Combine(Root, "Configs", relative);

    /// <summary>The plugin folder the build writes (artifacts/plugins/Panoptic.Plugins.Data).</summary>
    public static string DataPlugin => Path.Combine(Root, "artifacts", "plugins", "Panoptic.Plugins.Data");
}
