namespace Panoptic.Core.Config.Tree;

/// <summary>Dotted key paths (<c>model.roi_heads.mask_head.num_conv</c>, list elements by index: <c>solver.steps.1</c>).</summary>
public static class KeyPath
{
    public static string Append(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Append(string path, int index) => Append(path, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
