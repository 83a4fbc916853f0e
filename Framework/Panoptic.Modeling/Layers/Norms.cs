using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Modeling.Layers;

/// <summary>Normalisation layers by config name (detectron2 <c>layers/batch_norm.py</c>, <c>get_norm</c>).</summary>
public static class Norms
{
    /// <summary>The names <see cref="Create"/> accepts: "" (none), <c>BN</c>, <c>SyncBN</c>, <c>FrozenBN</c>, <c>GN</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["", "BN", "SyncBN", "FrozenBN", "GN"];

    /// <summary>Groups of <c>GN</c> (detectron2 uses 32 for every channel count).</summary>
    public const int GroupNormGroups = 32;

    /// <summary>
    /// A normalisation of <paramref name="channels"/> channels, or null for "". <c>SyncBN</c> is plain batch norm until
    /// training spans several processes (statistics of one process are what it would synchronise).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown name (the message lists the valid ones).</exception>
    public static Module<Tensor, Tensor>? Create(string norm, long channels) => norm switch
    {
        "" => null,
        "BN" or "SyncBN" => new BatchNorm2d(channels),
        "FrozenBN" => new FrozenBatchNorm2d(channels),
        "GN" => new GroupNorm(GroupNormGroups, channels),
        _ => throw new ArgumentException($"unknown norm '{norm}' (valid: {string.Join(", ", Names.Select(n => n.Length == 0 ? "\"\"" : n))})", nameof(norm)),
    };

    /// <summary>The norm a frozen stage uses: batch norms become <c>FrozenBN</c> (detectron2 <c>convert_frozen_batchnorm</c>).</summary>
    public static string Frozen(string norm) => norm is "BN" or "SyncBN" ? "FrozenBN" : norm;
}
