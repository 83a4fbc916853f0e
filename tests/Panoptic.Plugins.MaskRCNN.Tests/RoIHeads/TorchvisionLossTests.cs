using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.MaskRCNN.Losses;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The RoI-head losses with torchvision's settings (smooth-L1 β = 1/9, unaligned soft mask targets) equal
/// torchvision's <c>fastrcnn_loss</c> and <c>maskrcnn_loss</c> on the same inputs (background first there, last here).
/// </summary>
public sealed class TorchvisionLossTests : IDisposable
{
    private const string Reference = """
        import sys, torch
        from collections import OrderedDict
        from torchvision.models.detection.roi_heads import fastrcnn_loss, maskrcnn_loss
        from torchvision.models.detection._utils import BoxCoder
        torch.manual_seed(11)
        out = OrderedDict()
        R, K, G, H, W, M = 24, 5, 3, 40, 56, 14
        corners = torch.rand(G, 2) * torch.tensor([30.0, 20.0])
        gt = torch.cat([corners, corners + 8 + torch.rand(G, 2) * 20], 1)
        matched = torch.randint(0, G, (R,))
        proposals = gt[matched] + torch.randn(R, 4) * 3
        proposals[:, 2:] = torch.maximum(proposals[:, 2:], proposals[:, :2] + 2)
        gt_labels = torch.randint(1, K + 1, (G,))
        labels = gt_labels[matched].clone()
        labels[::3] = 0
        logits = torch.randn(R, K + 1)
        deltas = torch.randn(R, (K + 1) * 4) * 0.5
        targets = BoxCoder((10.0, 10.0, 5.0, 5.0)).encode([gt[matched]], [proposals])[0]
        loss_cls, loss_box = fastrcnn_loss(logits, deltas, [labels], [targets])
        masks = torch.zeros(G, H, W)
        for g, (x0, y0, x1, y1) in enumerate(gt.round().long().tolist()):
            masks[g, y0:y1, x0 + 2:x1] = 1
        fg = labels > 0
        mask_logits = torch.randn(int(fg.sum()), K + 1, M, M)
        loss_mask = maskrcnn_loss(mask_logits, [proposals[fg]], [masks], [gt_labels], [matched[fg]])
        for k, v in dict(gt=gt, matched=matched, proposals=proposals, labels=labels, logits=logits, deltas=deltas,
                         masks=masks, mask_logits=mask_logits, loss_cls=loss_cls, loss_box=loss_box, loss_mask=loss_mask).items():
            out[k] = v
        torch.save(out, sys.argv[1])
        """;

    private readonly TempFolder _folder = new();
    private readonly TensorDictionary _expected;

    public TorchvisionLossTests()
    {
        PythonReference.Run(Reference, 1, _folder.File("losses.pth"));
        _expected = PyTorchCheckpoint.LoadStateDict(_folder.File("losses.pth"));
    }

    public void Dispose()
    {
        _expected.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Box_losses_equal_fastrcnn_loss()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = _expected["logits"];
        var scores = Torch.Cat([logits.Narrow(1, 1, logits.Size(1) - 1), logits.Narrow(1, 0, 1)], 1);
        var deltas = _expected["deltas"].Narrow(1, 4, _expected["deltas"].Size(1) - 4);
        var numClasses = scores.Size(1) - 1;
        var labels = _expected["labels"];
        var classes = Torch.Where(labels.Eq(0), Torch.FullLike(labels, numClasses), labels - 1);
        var gtBoxes = _expected["gt"].IndexSelect(0, _expected["matched"]);
        var settings = new FastRCNNSettings(BoxRegressionLoss.SmoothL1, 1.0 / 9, 1.0, 0.05, 0.5, 100, null);
        var losses = FastRCNNLosses.Compute(scores, deltas, _expected["proposals"], classes, gtBoxes, new BoxCoder([10, 10, 5, 5]), settings);
        losses["loss_cls"].ToDouble().Should().BeApproximately(_expected["loss_cls"].ToDouble(), 1e-6);
        losses["loss_box_reg"].ToDouble().Should().BeApproximately(_expected["loss_box"].ToDouble(), 1e-6);
    }

    [Fact]
    public void Mask_loss_with_unaligned_soft_targets_equals_maskrcnn_loss()
    {
        using var scope = Torch.NewDisposeScope();
        var labels = _expected["labels"];
        var foreground = labels.Gt(0).Nonzero().Squeeze(1);
        var logits = _expected["mask_logits"];
        var perClass = logits.Narrow(1, 1, logits.Size(1) - 1);
        var targets = MaskTargets.Crop(new BitMasks(_expected["masks"].Bool()), _expected["matched"].IndexSelect(0, foreground),
            _expected["proposals"].IndexSelect(0, foreground), (int)logits.Size(2), aligned: false, binarize: false);
        var loss = MaskRCNNLoss.Compute(perClass, labels.IndexSelect(0, foreground) - 1, targets, MaskLossType.Sigmoid);
        loss.ToDouble().Should().BeApproximately(_expected["loss_mask"].ToDouble(), 1e-6);
    }

    [Fact]
    public void Softmax_mask_loss_of_one_class_is_the_sigmoid_loss()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.Randn([4, 1, 6, 6]);
        var targets = Torch.Rand([4, 6, 6]).Ge(0.5).To(DType.Float32);
        var classes = Torch.Zeros([4], DType.Int64);
        var sigmoid = MaskRCNNLoss.Compute(logits, classes, targets, MaskLossType.Sigmoid).ToDouble();
        MaskRCNNLoss.Compute(logits, classes, targets, MaskLossType.Softmax).ToDouble().Should().BeApproximately(sigmoid, 1e-6);
        var probabilities = MaskRCNNInference.Probabilities(logits, classes, MaskLossType.Softmax);
        (probabilities - logits.Sigmoid()).Abs().Max().ToDouble().Should().BeLessThan(1e-6);
    }
}
