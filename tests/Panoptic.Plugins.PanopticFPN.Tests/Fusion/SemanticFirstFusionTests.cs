using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Torch;
using static Panoptic.Plugins.PanopticFPN.Tests.Support.Drawn;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>The semantic-first rule on drawn inputs, next to detectron2's rule on the same inputs.</summary>
public sealed class SemanticFirstFusionTests
{
    private static readonly FusionThresholds SmallStuff = new(StuffAreaLimit: 1);

    private static Instances Scene() => Instances(
        new Detection(0.9f, 1, ".####.", ".####.", ".####."),   // spills into the stuff on the right
        new Detection(0.8f, 2, "##....", "##....", "......"));  // half under the first: 0.5 is not above the threshold

    private static Tensor Semantic() => Labels(
        "...111",
        "...111",
        "...111");

    [Fact]
    public void Instances_only_divide_the_pixels_the_semantic_head_calls_things()
    {
        using var scope = Torch.NewDisposeScope();

        var result = new SemanticFirstFusion(SmallStuff).Combine(Scene(), Semantic());

        Rows(result.Segmentation).Should().Equal(
            "211333",
            "211333",
            ".11333");
        result.Segments.Should().Equal(
            new PanopticSegment(1, 1, 1, true, 6, 0.9f, 0),
            new PanopticSegment(2, 2, 2, true, 2, 0.8f, 1),
            new PanopticSegment(3, 1, 1, false, 9));
    }

    [Fact]
    public void Detectron2s_rule_lets_the_instance_take_the_stuff_pixels_instead()
    {
        using var scope = Torch.NewDisposeScope();

        var result = new HeuristicFusion(SmallStuff).Combine(Scene(), Semantic());

        Rows(result.Segmentation).Should().Equal(
            "211113",
            "211113",
            ".11113");
    }

    [Fact]
    public void The_overlap_rule_is_measured_on_the_restricted_masks()
    {
        using var scope = Torch.NewDisposeScope();
        // The second mask has 4 pixels, 2 on stuff; of its 2 thing pixels 1 is taken: 0.5 (on the whole mask 0.25).
        var instances = Instances(
            new Detection(0.9f, 1, "#.....", "......"),
            new Detection(0.8f, 2, "##....", "..##.."));
        var semantic = Labels("..1111", "..1111");

        var restrictedHalf = new SemanticFirstFusion(new FusionThresholds(OverlapThreshold: 0.5, StuffAreaLimit: 1)).Combine(instances, semantic);
        var restrictedStrict = new SemanticFirstFusion(new FusionThresholds(OverlapThreshold: 0.4, StuffAreaLimit: 1)).Combine(instances, semantic);

        Rows(restrictedHalf.Segmentation).Should().Equal("123333", "..3333");
        Rows(restrictedStrict.Segmentation).Should().Equal("1.2222", "..2222");
    }
}
