using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>roi_heads.mask_loss_type: softmax</c> (the paper's Table 2b multinomial ablation) against PyTorch: per-pixel
/// cross-entropy over the K class logits plus a background logit fixed at 0, target = the ground-truth class inside the
/// mask and background outside; inference = the predicted class's softmax probability. Loss, gradient and probabilities.
/// </summary>
public sealed class SoftmaxMaskLossTests : IDisposable
{
    private const string Reference = """
        import sys, torch
        import torch.nn.functional as F
        from collections import OrderedDict
        torch.manual_seed(5)
        P, K, M = 7, 5, 12
        logits = (torch.randn(P, K, M, M) * 2).requires_grad_()
        classes = torch.randint(0, K, (P,))
        targets = (torch.rand(P, M, M) > 0.6).float()
        with_bg = torch.cat([logits, torch.zeros(P, 1, M, M)], 1)
        pixel_class = torch.where(targets >= 0.5, classes.view(-1, 1, 1).expand(P, M, M), torch.full((P, M, M), K))
        loss = F.cross_entropy(with_bg, pixel_class)
        loss.backward()
        probs = with_bg.detach().softmax(1)[torch.arange(P), classes].unsqueeze(1)
        sigmoid = F.binary_cross_entropy_with_logits(logits.detach()[torch.arange(P), classes], targets)
        out = OrderedDict(logits=logits.detach(), classes=classes, targets=targets, loss=loss.detach(), grad=logits.grad,
                          probs=probs, sigmoid=sigmoid)
        torch.save(out, sys.argv[1])
        """;

    private readonly TempFolder _folder = new();
    private readonly TensorDictionary _expected;

    public SoftmaxMaskLossTests()
    {
        PythonReference.Run(Reference, 1, _folder.File("softmax.pth"));
        _expected = PyTorchCheckpoint.LoadStateDict(_folder.File("softmax.pth"));
    }

    public void Dispose()
    {
        _expected.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Softmax_loss_and_its_gradient_equal_pytorch_cross_entropy_over_classes_and_background()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = _expected["logits"].Clone().RequiresGrad_();
        var loss = MaskRCNNLoss.Compute(logits, _expected["classes"], _expected["targets"], MaskLossType.Softmax);
        loss.Backward();

        loss.ToDouble().Should().BeApproximately(_expected["loss"].ToDouble(), 1e-6);
        (logits.Grad! - _expected["grad"]).Abs().Max().ToDouble().Should().BeLessThan(1e-8);
        // The two losses differ on K > 1 classes: the softmax couples the classes.
        var sigmoid = MaskRCNNLoss.Compute(_expected["logits"], _expected["classes"], _expected["targets"], MaskLossType.Sigmoid).ToDouble();
        sigmoid.Should().BeApproximately(_expected["sigmoid"].ToDouble(), 1e-6);
        Math.Abs(sigmoid - loss.ToDouble()).Should().BeGreaterThan(0.05);
    }

    [Fact]
    public void Softmax_inference_is_the_predicted_class_probability()
    {
        using var scope = Torch.NewDisposeScope();
        var probabilities = MaskRCNNInference.Probabilities(_expected["logits"], _expected["classes"], MaskLossType.Softmax);
        probabilities.Shape.Should().Equal(7, 1, 12, 12);
        (probabilities - _expected["probs"]).Abs().Max().ToDouble().Should().BeLessThan(1e-6);
    }
}
