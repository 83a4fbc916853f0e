using System.Text.RegularExpressions;
using Panoptic.Torch;

namespace Panoptic.Plugins.Backbones.Tests;

/// <summary>torchvision <c>BackboneWithFPN</c> state-dict names → our FPN/ResNet names (test-side, for backbones alone).</summary>
public static partial class TorchvisionNames
{
    public static IEnumerable<KeyValuePair<string, Tensor>> Rename(IEnumerable<KeyValuePair<string, Tensor>> state) =>
        state.Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .Select(kv => new KeyValuePair<string, Tensor>(Rename(kv.Key), kv.Value));

    public static string Rename(string name)
    {
        name = Stem().Replace(name, m => $"bottom_up.stem.conv1{(m.Groups[1].Value == "bn1" ? ".norm" : "")}.");
        name = Layer().Replace(name, m => $"bottom_up.res{int.Parse(m.Groups[1].Value) + 1}.{m.Groups[2].Value}.");
        name = Norm().Replace(name, m => $".conv{m.Groups[1].Value}.norm.");
        name = name.Replace("downsample.0.", "shortcut.").Replace("downsample.1.", "shortcut.norm.");
        name = Fpn().Replace(name, m => $"fpn_{(m.Groups[1].Value == "inner" ? "lateral" : "output")}{int.Parse(m.Groups[2].Value) + 2}.");
        return name;
    }

    [GeneratedRegex(@"^body\.(conv1|bn1)\.")]
    private static partial Regex Stem();

    [GeneratedRegex(@"^body\.layer(\d)\.(\d+)\.")]
    private static partial Regex Layer();

    [GeneratedRegex(@"\.bn(\d)\.")]
    private static partial Regex Norm();

    [GeneratedRegex(@"^fpn\.(inner|layer)_blocks\.(\d)\.0\.")]
    private static partial Regex Fpn();
}
