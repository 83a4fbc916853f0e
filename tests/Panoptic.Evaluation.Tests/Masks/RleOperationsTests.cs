using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Tests.Masks;

public class RleOperationsTests
{
    // A 4x4 image, column-major positions x*4 + y.
    private static RleMask Mask(params uint[] counts) => new(4, 4, counts);

    [Fact]
    public void Bitmap_encoding_runs_down_columns_starting_with_zeros()
    {
        byte[] rowMajor =
        [
            1, 0, 0, 0,
            1, 0, 0, 0,
            0, 0, 1, 0,
            0, 0, 1, 1,
        ];
        var mask = RleBitmap.FromRowMajor(rowMajor, 4, 4);
        mask.Counts.ToArray().Should().Equal(0u, 2u, 8u, 2u, 3u, 1u);
        mask.Area.Should().Be(5);
        RleBitmap.ToRowMajor(mask).Should().Equal(rowMajor);
        RleBitmap.FromColumnMajor(RleBitmap.ToColumnMajor(mask), 4, 4).Counts.ToArray().Should().Equal(mask.Counts.ToArray());
    }

    [Fact]
    public void Id_map_selects_one_segment()
    {
        int[] ids = [7, 7, 0, 0, 7, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        RleBitmap.FromIdMap(ids, 4, 4, 7).Counts.ToArray().Should().Equal(0u, 2u, 2u, 1u, 11u);
    }

    [Fact]
    public void Merge_gives_union_and_intersection_in_canonical_form()
    {
        var a = Mask(2, 4, 10); // positions 2..5
        var b = Mask(4, 4, 8);  // positions 4..7
        RleMerge.Union(a, b).Counts.ToArray().Should().Equal(2u, 6u, 8u);
        RleMerge.Intersection(a, b).Counts.ToArray().Should().Equal(4u, 2u, 10u);
        RleMerge.Merge([Mask(0, 16), Mask(16)]).Counts.ToArray().Should().Equal(0u, 16u);
        RleMerge.Merge([Mask(16), Mask(16)]).Counts.ToArray().Should().Equal(16u);
    }

    [Fact]
    public void Merge_rejects_masks_of_different_sizes()
    {
        var act = () => RleMerge.Union(Mask(16), new RleMask(2, 2, [4]));
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Iou_of_masks_and_crowd_rule()
    {
        var a = Mask(2, 4, 10); // 4 pixels
        var b = Mask(4, 4, 8);  // 4 pixels, 2 shared
        RleIou.Compute(a, b, groundTruthIsCrowd: false).Should().Be(2.0 / 6.0);
        RleIou.Compute(a, b, groundTruthIsCrowd: true).Should().Be(2.0 / 4.0);
        RleIou.Compute(a, Mask(12, 4), false).Should().Be(0);
        RleIou.Compute(a, a, false).Should().Be(1);
        RleIou.Matrix([a, b], [b, a], [false, true]).Should().Equal(2.0 / 6.0, 1.0, 1.0, 2.0 / 4.0);
    }

    [Fact]
    public void Iou_of_overlapping_masks_of_different_sizes_is_minus_one()
    {
        var small = new RleMask(2, 2, [0, 4]);
        RleIou.Compute(small, Mask(0, 16), false).Should().Be(-1);
    }

    [Fact]
    public void Box_of_a_mask_follows_toBbox()
    {
        Mask(5, 2, 2, 2, 5).ToBox().Should().Be(new BoxXywh(1, 1, 2, 2));
        Mask(16).ToBox().Should().Be(default(BoxXywh));
        // One run from (0, 3) into (1, 0): pycocotools widens the box to the full height instead of splitting the run.
        Mask(3, 2, 11).ToBox().Should().Be(new BoxXywh(0, 0, 2, 4));
    }

    [Fact]
    public void Constructor_checks_counts_cover_the_image()
    {
        var act = () => Mask(3, 2);
        act.Should().Throw<ArgumentException>().WithMessage("*add up to 5*");
    }

    [Fact]
    public void Box_iou_uses_detection_area_for_crowd()
    {
        var gt = new BoxXywh(20, 0, 30, 30);
        var dt = new BoxXywh(45, 0, 10, 10);
        BoxIou.Compute(dt, gt, groundTruthIsCrowd: true).Should().Be(0.5);
        BoxIou.Compute(dt, gt, groundTruthIsCrowd: false).Should().Be(50.0 / (100 + 900 - 50));
        BoxIou.Compute(new BoxXywh(0, 0, 1, 1), new BoxXywh(1, 0, 1, 1), false).Should().Be(0);
    }
}
