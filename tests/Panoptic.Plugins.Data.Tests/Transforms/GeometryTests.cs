using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Mapping;
using Panoptic.Plugins.Data.Transforms;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Plugins.Data.Tests.Transforms;

/// <summary>Image, boxes, polygons, masks and label maps stay aligned through flips and resizes.</summary>
public sealed class GeometryTests
{
    private const int H = 30, W = 40;

    private static TransformSteps Steps(params ITransformStep[] steps) => new(steps, H, W);

    /// <summary>(H, W, 3) uint8 with a coloured rectangle [x0, x1) × [y0, y1), and its (1, H, W) mask.</summary>
    private static (Tensor Image, Tensor Mask) Scene(int x0, int y0, int x1, int y1)
    {
        var image = Randint(0, 100, [H, W, 3], DType.UInt8, generator: new Generator(3));
        var mask = Zeros([1, H, W], DType.Bool);
        using (var region = image[y0..y1, x0..x1]) region.Fill_(250);
        using (var region = mask[.., y0..y1, x0..x1]) region.Fill_(1);
        return (image, mask);
    }

    [Fact]
    public void Flipping_twice_is_the_identity_for_every_kind_of_annotation()
    {
        var (image, mask) = Scene(3, 4, 17, 25);
        using var _ = image;
        using var __ = mask;
        using var labels = Randint(0, 255, [H, W], DType.Int64, generator: new Generator(5));
        var steps = Steps(new FlipStep(H, W, horizontal: true), new FlipStep(H, W, horizontal: true));
        float[] box = [3.25f, 4.5f, 17.75f, 25f];
        float[] polygon = [1.5f, 2f, 30.25f, 3f, 12f, 28.5f];

        using var back = steps.ApplyImage(image);
        using var maskBack = steps.ApplySegmentation(mask);
        using var labelsBack = steps.ApplySegmentation(labels);
        var boxBack = box.ToArray();
        steps.ApplyBox(boxBack);
        var polygonBack = polygon.ToArray();
        steps.ApplyCoords(polygonBack);

        back.ToArray<byte>().Should().Equal(image.ToArray<byte>());
        maskBack.ToArray<bool>().Should().Equal(mask.ToArray<bool>());
        labelsBack.ToArray<long>().Should().Equal(labels.ToArray<long>());
        boxBack.Should().Equal(box);
        polygonBack.Should().Equal(polygon);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_flip_moves_box_mask_and_pixels_together(bool horizontal)
    {
        var (image, mask) = Scene(3, 4, 17, 25);
        using var _ = image;
        using var __ = mask;
        var steps = Steps(new FlipStep(H, W, horizontal));

        float[] box = [3, 4, 17, 25];
        steps.ApplyBox(box);
        using var flippedMask = steps.ApplySegmentation(mask);
        using var flippedImage = steps.ApplyImage(image);
        using var maskBox = MaskBoxes.FromMasks(flippedMask);

        box.Should().Equal(horizontal ? [W - 17, 4, W - 3, 25] : [3, H - 25, 17, H - 4]);
        maskBox.ToArray<float>().Should().Equal(box);
        using var bright = flippedImage.Select(2, 0).Eq(250);
        bright.ToArray<bool>().Should().Equal(flippedMask.ToArray<bool>(), "the painted rectangle and its mask are still on the same pixels");
    }

    [Theory]
    [InlineData(60, 80)]
    [InlineData(90, 120)]
    [InlineData(45, 100)]
    public void A_resize_maps_boxes_exactly_and_keeps_masks_on_their_pixels(int height, int width)
    {
        var (image, mask) = Scene(4, 6, 20, 24);
        using var _ = image;
        using var __ = mask;
        var steps = Steps(new ResizeStep(H, W, height, width, ResizeInterpolation.Nearest));

        float[] box = [4, 6, 20, 24];
        steps.ApplyBox(box);
        using var resizedMask = steps.ApplySegmentation(mask);
        using var resizedImage = steps.ApplyImage(image);
        using var maskBox = MaskBoxes.FromMasks(resizedMask);

        var (sx, sy) = ((float)width / W, (float)height / H);
        box.Should().Equal(4 * sx, 6 * sy, 20 * sx, 24 * sy);
        resizedMask.Shape.Should().Equal(1, height, width);
        resizedImage.Shape.Should().Equal(height, width, 3);
        maskBox.ToArray<float>().Zip(box).Should().OnlyContain(p => Math.Abs(p.First - p.Second) <= 1f,
            "nearest sampling at pixel centres keeps a mask within a pixel of its scaled box");
        using var bright = resizedImage.Select(2, 0).Eq(250);
        bright.ToArray<bool>().Should().Equal(resizedMask.ToArray<bool>(), "image and mask use the same pixel-centre sampling");
    }

    [Fact]
    public void Nearest_image_resampling_picks_the_same_source_pixels_as_label_maps()
    {
        using var labels = Randint(0, 256, [H, W], DType.UInt8, generator: new Generator(9));
        using var image = labels.Unsqueeze(2).Repeat(1, 1, 3);
        var steps = Steps(new ResizeStep(H, W, 47, 101, ResizeInterpolation.Nearest), new FlipStep(47, 101, horizontal: true));

        using var resizedImage = steps.ApplyImage(image);
        using var resizedLabels = steps.ApplySegmentation(labels);
        using var channel = resizedImage.Select(2, 1).Contiguous();

        channel.ToArray<byte>().Should().Equal(resizedLabels.ToArray<byte>());
    }

    [Fact]
    public void Integer_scale_factors_map_masks_to_exactly_the_scaled_box()
    {
        using var mask = Zeros([H, W], DType.UInt8);
        using (var region = mask[6..24, 4..20]) region.Fill_(7);
        var steps = Steps(new ResizeStep(H, W, 2 * H, 3 * W, ResizeInterpolation.Bilinear));

        using var resized = steps.ApplySegmentation(mask);
        using var set = resized.Eq(7).Unsqueeze(0);
        using var maskBox = MaskBoxes.FromMasks(set);

        maskBox.ToArray<float>().Should().Equal(12f, 12f, 60f, 48f);
        using var labels = resized.Unique();
        labels.ToArray<byte>().Should().Equal([0, 7], "labels are never blended");
    }

    [Fact]
    public void Float_images_are_resized_bilinearly_and_constant_images_stay_constant()
    {
        using var image = Full([H, W, 3], 42.5, DType.Float32);
        var steps = Steps(new ResizeStep(H, W, 17, 23, ResizeInterpolation.Bilinear));

        using var resized = steps.ApplyImage(image);
        using var bytes = Full([H, W, 3], 42, DType.UInt8);
        using var uint8 = steps.ApplyImage(bytes);

        resized.Shape.Should().Equal(17, 23, 3);
        resized.ToArray<float>().Should().OnlyContain(v => Math.Abs(v - 42.5f) < 1e-4);
        uint8.ToArray<byte>().Should().OnlyContain(v => v == 42);
    }
}
