using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>Options of the <c>MaskRCNNFCHead</c> mask head: fully connected layers predicting M×M masks (the paper's MLP ablation).</summary>
public sealed record MaskRCNNFCHeadOptions : ComponentOptions
{
    /// <summary>Hidden fully connected layers.</summary>
    [Range(0, 32)]
    public int NumFc { get; init; } = 2;

    [Range(1, 65536)]
    public int FcDim { get; init; } = 1024;

    /// <summary>Side M of the predicted masks.</summary>
    [Range(1, 256)]
    public int Resolution { get; init; } = 28;

    /// <summary>Predict one mask for all classes.</summary>
    public bool ClsAgnosticMask { get; init; }
}
