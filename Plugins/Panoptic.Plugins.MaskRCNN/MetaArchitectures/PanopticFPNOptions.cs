using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Segmentation;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

/// <summary>
/// Options of <c>PanopticFPN</c> (detectron2 <c>MODEL.PANOPTIC_FPN.*</c>, <c>MODEL.SEM_SEG_HEAD.*</c>): everything
/// <see cref="GeneralizedRCNNOptions"/> holds, plus the semantic head on the same features, the fusion of its labels
/// with the instances, and the weight of the instance losses.
/// </summary>
public sealed record PanopticFPNOptions : GeneralizedRCNNOptions
{
    /// <summary>Semantic ("stuff" + one "things" class) head on the backbone's features.</summary>
    public ComponentSpec<ISemanticHead> SemSegHead { get; init; } = ComponentSpec<ISemanticHead>.Named("SemanticFPNHead");

    /// <summary>Combines instances and semantic labels into the panoptic result.</summary>
    public ComponentSpec<IPanopticFusion> PanopticFusion { get; init; } = ComponentSpec<IPanopticFusion>.Named("HeuristicFusion");

    /// <summary>Multiplies the RPN and RoI-head losses (detectron2 <c>PANOPTIC_FPN.INSTANCE_LOSS_WEIGHT</c>); the semantic loss carries the head's own weight.</summary>
    [Range(0.0, double.MaxValue)]
    public double InstanceLossWeight { get; init; } = 1.0;
}
