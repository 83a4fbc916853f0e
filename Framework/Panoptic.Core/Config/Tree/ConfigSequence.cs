using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Tree;

/// <summary>A YAML list.</summary>
public sealed class ConfigSequence(ConfigSource source) : ConfigNode(source)
{
    /// <summary>The elements, in order.</summary>
    public List<ConfigNode> Items { get; } = [];

    public override ConfigNode Clone(ConfigSource? source = null)
    {
        var copy = new ConfigSequence(source ?? Source);
        copy.Items.AddRange(Items.Select(item => item.Clone(source)));
        return copy;
    }

    public override string Describe() => $"list of {Items.Count}";
}
