using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Tree;

/// <summary>A node of a config tree (mapping, sequence or scalar) that remembers where it was set.</summary>
public abstract class ConfigNode(ConfigSource source)
{
    /// <summary>The file position or override that set this node.</summary>
    public ConfigSource Source { get; } = source;

    /// <summary>A deep copy; <paramref name="source"/> replaces every source when given.</summary>
    public abstract ConfigNode Clone(ConfigSource? source = null);

    /// <summary>What the node is, for messages (<c>mapping</c>, <c>list</c>, <c>integer 4</c>, …).</summary>
    public abstract string Describe();
}
