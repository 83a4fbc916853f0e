using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Tests.Support;

/// <summary>Reads nodes of a config tree by dotted path (list elements by index).</summary>
internal static class TreeNavigation
{
    public static ConfigNode At(this ConfigMapping root, string path)
    {
        ConfigNode node = root;
        foreach (var part in path.Split('.'))
            node = node is ConfigSequence s ? s.Items[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : ((ConfigMapping)node)[part]!;
        return node;
    }

    public static string Text(this ConfigMapping root, string path) => ((ConfigScalar)root.At(path)).Text;

    public static IEnumerable<string> Items(this ConfigMapping root, string path) =>
        ((ConfigSequence)root.At(path)).Items.Cast<ConfigScalar>().Select(s => s.Text);
}
