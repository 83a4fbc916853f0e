using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.ProposalGenerators;

/// <summary>Proposes object boxes from features (RPN).</summary>
public interface IProposalGenerator : IModelComponent
{
    /// <summary>Proposals per image (<c>proposal_boxes</c>, <c>objectness_logits</c>) and, with targets, the RPN losses.</summary>
    /// <param name="images">The padded batch (for image sizes).</param>
    /// <param name="features">Backbone features by name, (N, C, H_f, W_f).</param>
    /// <param name="targets">Ground truth per image (<c>gt_boxes</c>) in training, else null.</param>
    InstancesWithLosses Forward(ImageList images, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances>? targets);
}
