using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>What RoI heads read from their <c>Forward</c> arguments.</summary>
/// <param name="Levels">The feature levels named by the heads' <c>in_features</c>, in that order.</param>
/// <param name="ProposalBoxes">Per image (R_i, 4) <c>proposal_boxes</c>.</param>
internal sealed record RoIHeadsInputs(IReadOnlyList<Tensor> Levels, IReadOnlyList<Tensor> ProposalBoxes)
{
    public static RoIHeadsInputs Read(IReadOnlyList<string> inFeatures, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances> proposals) =>
        new(inFeatures.Select(f => features[f]).ToList(), proposals.Select(p => p.Get<Boxes>(InstanceFields.ProposalBoxes).Tensor).ToList());
}
