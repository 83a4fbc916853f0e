using Panoptic.Abstractions.Data;
using Panoptic.Plugins.Data.Transforms;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Plugins.Data.Tests.Transforms;

public sealed class NormalizeTests
{
    private static float[] Pixel(ITransform transform, byte b, byte g, byte r)
    {
        using var image = From(new[] { b, g, r, b, g, r }, 1, 2, 3);
        using var output = transform.Sample(1, 2, new Random(0)).ApplyImage(image);
        output.DType.Should().Be(DType.Float32);
        return output[0, 0].ToArray<float>();
    }

    [Fact]
    public void Detectron2_style_subtracts_the_bgr_mean_in_0_to_255()
    {
        var normalize = new Normalize([103.53, 116.28, 123.675], [1, 1, 1], ImageFormat.BGR);

        Pixel(normalize, 110, 120, 130).Should().Equal(110 - 103.53f, 120 - 116.28f, 130 - 123.675f);
    }

    [Fact]
    public void Torchvision_style_reorders_to_rgb_scales_to_unit_range_and_divides_by_std()
    {
        var options = new NormalizeOptions { Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225], ChannelOrder = ImageFormat.RGB, UnitRange = true };
        var normalize = new Normalize(options, new TransformContext(IsTrain: true) { ImageFormat = ImageFormat.BGR });

        var rgb = Pixel(normalize, 110, 120, 130);

        rgb[0].Should().BeApproximately((130 / 255f - 0.485f) / 0.229f, 1e-5f);
        rgb[1].Should().BeApproximately((120 / 255f - 0.456f) / 0.224f, 1e-5f);
        rgb[2].Should().BeApproximately((110 / 255f - 0.406f) / 0.225f, 1e-5f);
    }

    [Fact]
    public void A_channel_count_mismatch_is_a_clear_error()
    {
        var normalize = new Normalize([0.5], [0.5], ImageFormat.RGB);

        var act = () => Pixel(normalize, 1, 2, 3);

        act.Should().Throw<InvalidOperationException>().WithMessage("Normalize has 1 mean/std values but the image has 3 channels");
        new NormalizeOptions { Mean = [1, 2, 3], Std = [1, 2] }.Validate().Single().Key.Should().Be("std");
    }
}
