using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.MaskRCNN.Losses;
using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>Fast R-CNN losses (detectron2 <c>FastRCNNOutputLayers.losses</c>, torchvision <c>fastrcnn_loss</c>).</summary>
public static class FastRCNNLosses
{
    /// <summary>The losses of labelled proposals, images concatenated in order (see the tensor overload).</summary>
    /// <param name="scores">(ΣS_i, K + 1) class logits of the proposals.</param>
    /// <param name="deltas">(ΣS_i, 4·K) or (ΣS_i, 4) predicted deltas.</param>
    /// <param name="labelled">Per image the S_i proposals with their classes and matched boxes.</param>
    /// <param name="coder">The proposal box transform.</param>
    /// <param name="settings">Regression loss and weight.</param>
    public static IReadOnlyDictionary<string, Tensor> Compute(Tensor scores, Tensor deltas, IReadOnlyList<SampledProposals> labelled,
        BoxCoder coder, FastRCNNSettings settings)
    {
        using var scope = Torch.NewDisposeScope();
        var losses = Compute(scores, deltas, Torch.Cat(labelled.Select(s => s.Boxes).ToList(), 0), Torch.Cat(labelled.Select(s => s.GtClasses).ToList(), 0),
            Torch.Cat(labelled.Select(s => s.GtBoxes).ToList(), 0), coder, settings);
        return losses.ToDictionary(kv => kv.Key, kv => scope.MoveToOuter(kv.Value));
    }

    /// <param name="scores">(R, K + 1) class logits of the sampled proposals, background last.</param>
    /// <param name="deltas">(R, 4·K) or (R, 4) predicted deltas.</param>
    /// <param name="proposals">(R, 4) sampled proposal boxes.</param>
    /// <param name="gtClasses">(R,) int64 target class, K for background.</param>
    /// <param name="gtBoxes">(R, 4) matched ground-truth boxes (ignored for background).</param>
    /// <param name="coder">The proposal box transform.</param>
    /// <param name="settings">Regression loss and weight.</param>
    /// <returns><c>loss_cls</c>: cross-entropy averaged over the R proposals; <c>loss_box_reg</c>: the foreground's summed regression loss on its class's deltas, divided by R.</returns>
    public static IReadOnlyDictionary<string, Tensor> Compute(Tensor scores, Tensor deltas, Tensor proposals, Tensor gtClasses, Tensor gtBoxes,
        BoxCoder coder, FastRCNNSettings settings)
    {
        using var scope = Torch.NewDisposeScope();
        var numClasses = scores.Size(1) - 1;
        var count = gtClasses.Size(0);
        var classification = count == 0 ? scores.Sum() * 0.0 : F.CrossEntropy(scores, gtClasses);
        var foreground = (gtClasses.Ge(0) & gtClasses.Lt(numClasses)).Nonzero().Squeeze(1);
        var foregroundClasses = gtClasses.IndexSelect(0, foreground);
        var predicted = deltas.Size(1) == 4
            ? deltas.IndexSelect(0, foreground)
            : deltas.View(count, numClasses, 4).IndexSelect(0, foreground)
                .Gather(1, foregroundClasses.View(-1, 1, 1).Expand(foreground.Size(0), 1, 4)).Squeeze(1);
        var regression = BoxRegressionLosses.Sum(settings.BoxLoss, coder, proposals.IndexSelect(0, foreground), predicted,
            gtBoxes.IndexSelect(0, foreground), settings.SmoothL1Beta);
        return new Dictionary<string, Tensor>
        {
            ["loss_cls"] = scope.MoveToOuter(classification),
            ["loss_box_reg"] = scope.MoveToOuter(regression * (settings.RegressionWeight / Math.Max(count, 1))),
        };
    }
}
