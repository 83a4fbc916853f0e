using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>Logits from the padded batch to one image's output size (detectron2 <c>sem_seg_postprocess</c>) and labels.</summary>
public sealed class SemanticSegInferenceTests
{
    [Fact]
    public void Postprocess_crops_the_padding_away_then_resizes_to_the_output_size()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.Arange(0L, 2 * 8 * 12, DType.Float32).View(2, 8, 12);

        var sameSize = SemanticSegInference.Postprocess(logits, imageHeight: 6, imageWidth: 10, outputHeight: 6, outputWidth: 10);
        var doubled = SemanticSegInference.Postprocess(logits, imageHeight: 6, imageWidth: 10, outputHeight: 12, outputWidth: 20);

        sameSize.ToArray<float>().Should().Equal(logits.Slice(1, 0, 6).Slice(2, 0, 10).Contiguous().ToArray<float>());
        doubled.Shape.Should().Equal(2, 12, 20);
        // align_corners false, ×2: output x = 0 samples input x = -0.25 → clamped to 0; x = 1 samples 0.25.
        doubled[0, 0, 0].ToDouble().Should().Be(0);
        doubled[0, 0, 1].ToDouble().Should().BeApproximately(0.25, 1e-6);
        doubled[0, 0, 19].ToDouble().Should().Be(9, "the last output column samples the image's last column, not the padding");
    }

    [Fact]
    public void Labels_are_the_arg_max_over_classes()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.From(new[] { 0f, 5f, 1f, 2f, 0f, 9f }, 2, 1, 3);

        SemanticSegInference.Labels(logits).ToArray<long>().Should().Equal(1, 0, 1);
    }

    [Fact]
    public void Logits_too_small_for_the_image_are_an_error_naming_the_shapes()
    {
        using var scope = Torch.NewDisposeScope();
        var act = () => SemanticSegInference.Postprocess(Torch.Zeros([3, 8, 8]), 10, 8, 10, 8);

        act.Should().Throw<ArgumentException>().WithMessage("logits of shape [3, 8, 8] do not hold an image of 10×8; expected (K, H_pad ≥ 10, W_pad ≥ 8)*");
    }
}
