using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// The thresholds every built-in fusion takes (detectron2 <c>MODEL.PANOPTIC_FPN.COMBINE</c>; its defaults).
/// </summary>
public abstract record FusionOptions : ComponentOptions
{
    /// <summary>An instance is dropped when more than this fraction of its mask is already taken (<c>OVERLAP_THRESH</c>).</summary>
    [Range(0.0, 1.0)]
    public double OverlapThreshold { get; init; } = 0.5;

    /// <summary>A stuff class becomes a segment only when it has at least this many unclaimed pixels (<c>STUFF_AREA_LIMIT</c>).</summary>
    [Range(0, int.MaxValue)]
    public int StuffAreaLimit { get; init; } = 4096;

    /// <summary>Instances scoring below this are not used (<c>INSTANCES_CONFIDENCE_THRESH</c>).</summary>
    [Range(0.0, 1.0)]
    public double InstanceScoreThreshold { get; init; } = 0.5;

    /// <summary>The thresholds as the fusion rules take them.</summary>
    public FusionThresholds Thresholds => new(OverlapThreshold, StuffAreaLimit, InstanceScoreThreshold);
}

/// <summary>Options of <c>HeuristicFusion</c>.</summary>
public sealed record HeuristicFusionOptions : FusionOptions;

/// <summary>Options of <c>SemanticFirstFusion</c>.</summary>
public sealed record SemanticFirstFusionOptions : FusionOptions;
