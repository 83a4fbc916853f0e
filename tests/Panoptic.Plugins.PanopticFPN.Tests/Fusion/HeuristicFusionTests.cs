using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.PanopticFPN.Tests.Support;
using Panoptic.Torch;
using static Panoptic.Plugins.PanopticFPN.Tests.Support.Drawn;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>detectron2's fusion rule on drawn inputs, with exact id maps (digits are segment ids, '.' is void).</summary>
public sealed class HeuristicFusionTests
{
    private static readonly HeuristicFusion Defaults = new(new FusionThresholds());

    [Fact]
    public void A_mostly_covered_instance_is_skipped_and_a_barely_covered_one_keeps_its_uncovered_pixels()
    {
        using var scope = Torch.NewDisposeScope();
        var instances = Instances(
            new Detection(0.7f, 0, "...#####", "...#####", "........", "........"),   // 2 of 10 covered: keeps 8
            new Detection(0.9f, 2, "####....", "####....", "####....", "####...."),   // first by score
            new Detection(0.8f, 1, "..###...", "..###...", "..###...", "..###..."),   // 8 of 12 covered: skipped
            new Detection(0.6f, 1, "........", "........", "...##...", "...##..."));  // 2 of 4 = 0.5, not above: kept

        var result = Defaults.Combine(instances, Uniform(4, 8, 0));

        Rows(result.Segmentation).Should().Equal(
            "11112222",
            "11112222",
            "11113...",
            "11113...");
        result.Segments.Should().Equal(
            new PanopticSegment(1, 2, 2, true, 16, 0.9f, 1),
            new PanopticSegment(2, 0, 0, true, 8, 0.7f, 0),
            new PanopticSegment(3, 1, 1, true, 2, 0.6f, 3));
        result.Segmentation.DType.Should().Be(DType.Int32);
    }

    [Fact]
    public void Instances_below_the_score_threshold_are_cut_and_the_threshold_itself_is_kept()
    {
        using var scope = Torch.NewDisposeScope();
        var instances = Instances(
            new Detection(0.5f, 1, "##..", "...."),
            new Detection(0.49f, 2, "..##", "...."),
            new Detection(0.95f, 3, "....", "####"));
        var lenient = new HeuristicFusion(new FusionThresholds(InstanceScoreThreshold: 0.4));

        var cut = Defaults.Combine(instances, Uniform(2, 4, 0));
        var all = lenient.Combine(instances, Uniform(2, 4, 0));

        Rows(cut.Segmentation).Should().Equal("22..", "1111");
        cut.Segments.Select(s => s.InstanceId).Should().Equal(2, 0);
        Rows(all.Segmentation).Should().Equal("2233", "1111");
    }

    [Fact]
    public void Stuff_takes_its_unclaimed_pixels_only_when_they_reach_the_area_limit()
    {
        using var scope = Torch.NewDisposeScope();
        var semantic = Labels(
            "111122",
            "111122",
            "333...",
            "33....");
        var instances = Instances(new Detection(0.9f, 0, "......", "......", ".###..", ".###.."));
        var limit4 = new HeuristicFusion(new FusionThresholds(StuffAreaLimit: 4));
        var limit5 = new HeuristicFusion(new FusionThresholds(StuffAreaLimit: 5));

        var at4 = limit4.Combine(instances, semantic);
        var at5 = limit5.Combine(instances, semantic);

        // Label 3 has 5 pixels but only 2 unclaimed: void. Label 2 has exactly 4: kept at limit 4, void at 5.
        Rows(at4.Segmentation).Should().Equal(
            "222233",
            "222233",
            ".111..",
            ".111..");
        at4.Segments.Should().Equal(
            new PanopticSegment(1, 0, 0, true, 6, 0.9f, 0),
            new PanopticSegment(2, 1, 1, false, 8),
            new PanopticSegment(3, 2, 2, false, 4));
        Rows(at5.Segmentation).Should().Equal(
            "2222..",
            "2222..",
            ".111..",
            ".111..");
    }

    [Theory]
    [InlineData(4096, true)]
    [InlineData(4095, false)]
    public void The_default_stuff_area_limit_is_4096_pixels(int area, bool kept)
    {
        using var scope = Torch.NewDisposeScope();
        var labels = Enumerable.Range(0, 64 * 80).Select(p => p < area ? 1L : 2L).ToArray();

        var result = Defaults.Combine(new Instances(64, 80), Torch.From(labels, 64, 80));

        result.Segments.Should().Equal(kept ? [new PanopticSegment(1, 1, 1, false, 4096)] : Array.Empty<PanopticSegment>());
        result.Segmentation.ToArray<int>().Should().Equal(labels.Select(l => kept && l == 1 ? 1 : 0));
    }

    [Fact]
    public void Pixels_of_the_things_label_that_no_instance_takes_are_void_and_empty_masks_take_no_id()
    {
        using var scope = Torch.NewDisposeScope();
        var instances = Instances(
            new Detection(0.99f, 4, "...", "...", "..."),
            new Detection(0.9f, 1, "#..", "#..", "..."));

        var result = new HeuristicFusion(new FusionThresholds(StuffAreaLimit: 1)).Combine(instances, Labels("..2", "..2", "..."));

        Rows(result.Segmentation).Should().Equal("1.2", "1.2", "...");
        result.Segments.Select(s => (s.Id, s.ClassIndex, s.IsThing)).Should().Equal((1, 1, true), (2, 2, false));
    }

    [Fact]
    public void Bit_masks_are_accepted_like_a_mask_tensor()
    {
        using var scope = Torch.NewDisposeScope();
        var drawn = Instances(new Detection(0.9f, 1, "##.", "..."));
        var instances = WithMasks(drawn, new BitMasks(drawn.Get<Tensor>(InstanceFields.PredMasks)));

        Rows(Defaults.Combine(instances, Uniform(2, 3, 0)).Segmentation).Should().Equal("11.", "...");
    }

    [Fact]
    public void Masks_of_another_size_than_the_semantic_labels_are_an_error_naming_both()
    {
        using var scope = Torch.NewDisposeScope();
        var instances = Instances(new Detection(0.9f, 1, "##.", "..."));

        var act = () => Defaults.Combine(instances, Uniform(4, 3, 0));

        act.Should().Throw<ArgumentException>().WithMessage(
            "'pred_masks' has shape [1, 2, 3]; the semantic labels need [1, 4, 3] (pasted (R, H, W) masks, not (R, 1, M, M) probabilities)*");
    }

    [Fact]
    public void Mask_probabilities_are_refused_rather_than_read_as_nonzero()
    {
        using var scope = Torch.NewDisposeScope();
        var drawn = Instances(new Detection(0.9f, 1, "##.", "..."));
        var instances = WithMasks(drawn, Torch.Full([1, 2, 3], 0.2, DType.Float32));

        var act = () => Defaults.Combine(instances, Uniform(2, 3, 0));

        act.Should().Throw<ArgumentException>().WithMessage("'pred_masks' holds float32 values; fusion needs bool masks (threshold the pasted probabilities first, e.g. at 0.5)*");
    }
}
