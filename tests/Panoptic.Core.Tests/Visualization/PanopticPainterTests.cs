using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using FluentAssertions;
using Panoptic.Core.Visualization;
using Xunit;

namespace Panoptic.Core.Tests.Visualization;

public sealed class PanopticPainterTests
{
    [Fact]
    public void Blends_segment_colours_whites_borders_and_leaves_void_alone()
    {
        // 3×4 map: segment 1 on the left two columns, void (0) and an unknown id 9 on the right.
        int[] ids =
        [
            1, 1, 0, 9,
            1, 1, 0, 9,
            1, 1, 0, 9,
        ];
        var rgb = Enumerable.Repeat((byte)100, 3 * 4 * 3).ToArray();
        var painted = PanopticPainter.Paint(rgb, 3, 4, ids, [new PaintedSegment(1, (200, 0, 50), "a")]);

        // Column 0 touches only id 1 (and the image edge): blended 100·(1 − opacity) + colour·opacity.
        byte Blend(byte c) => (byte)Math.Round(100 * (1 - PanopticPainter.Opacity) + c * PanopticPainter.Opacity);
        painted.AsSpan(3 * 4, 3).ToArray().Should().Equal(Blend(200), Blend(0), Blend(50));
        // Column 1 touches void on its right: a border, white.
        painted.AsSpan(3 * 5, 3).ToArray().Should().Equal(255, 255, 255);
        // Void and ids without a segment keep the image.
        painted.AsSpan(3 * 2, 6).ToArray().Should().OnlyContain(v => v == 100);
        rgb.Should().OnlyContain(v => v == 100, "the input is not modified");
    }

    [Fact]
    public void Rejects_mismatched_sizes()
    {
        var act = () => PanopticPainter.Paint(new byte[3 * 4], 2, 2, new int[3], []);
        act.Should().Throw<ArgumentException>().WithMessage("*id map has 3 values*2x2*");
    }

    [Fact]
    public void Segments_are_named_through_the_metadata()
    {
        var metadata = new DatasetMetadata("m", ["circle", "square"], ["things", "sky"])
        {
            ThingDatasetIds = new Dictionary<int, int> { [0] = 11, [1] = 12 },
            StuffDatasetIds = new Dictionary<int, int> { [1] = 21 },
        };
        metadata.PanopticCategories().Should().Equal(
            new DatasetCategory(11, "circle", true), new DatasetCategory(12, "square", true), new DatasetCategory(21, "sky", false));

        using var map = Panoptic.Torch.Torch.Zeros([2, 2], Panoptic.Torch.DType.Int32);
        var result = new PanopticResult(map, [
            new PanopticSegment(1, 12, 1, true, 3, 0.875),
            new PanopticSegment(2, 21, 1, false, 1),
            new PanopticSegment(3, 99, 5, false, 1),
        ]);
        var painted = PanopticSegmentsToPaint.Of(result, metadata);
        painted.Select(p => p.Label).Should().Equal("square 0.88", "sky", "class 99");
        painted[0].Colour.Should().Be(SegmentColours.Instance(0));
        painted[1].Colour.Should().Be(SegmentColours.Stuff(21));

        var truth = PanopticSegmentsToPaint.Of([new SegmentInfo(5, 0, true, IsCrowd: true), new SegmentInfo(6, 1, false)], metadata);
        truth.Select(p => p.Label).Should().Equal("circle (crowd)", "sky");
    }

    [Fact]
    public void Colours_are_the_hsv_conversion()
    {
        SegmentColours.FromHue(0, 1, 1).Should().Be(((byte)255, (byte)0, (byte)0));
        SegmentColours.FromHue(120, 1, 1).Should().Be(((byte)0, (byte)255, (byte)0));
        SegmentColours.FromHue(240, 0.5, 1).Should().Be(((byte)128, (byte)128, (byte)255));
        SegmentColours.Instance(0).Should().Be(((byte)255, (byte)0, (byte)0));
    }
}
