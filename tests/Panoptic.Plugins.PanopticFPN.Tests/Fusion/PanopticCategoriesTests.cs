using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using static Panoptic.Plugins.PanopticFPN.Tests.Support.Drawn;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>Segments carry the dataset's category ids, mapped back from contiguous classes through the metadata.</summary>
public sealed class PanopticCategoriesTests
{
    /// <summary>COCO-like gaps: things 1, 3, 7 and stuff 92, 100 (semantic labels 1, 2; label 0 is "things").</summary>
    private static readonly DatasetMetadata Metadata = new("gappy", ["person", "car", "train"], ["things", "banner", "cloth"])
    {
        ThingDatasetIds = new Dictionary<int, int> { [0] = 1, [1] = 3, [2] = 7 },
        StuffDatasetIds = new Dictionary<int, int> { [1] = 92, [2] = 100 },
    };

    [Theory]
    [InlineData("HeuristicFusion")]
    [InlineData("SemanticFirstFusion")]
    public void A_fusion_built_through_the_registry_maps_things_and_stuff_to_dataset_ids(string name)
    {
        using var scope = Torch.NewDisposeScope();
        var registry = new ModelFactory(typeof(HeuristicFusion).Assembly).Registry<PanopticFusionRegistry>();
        var options = name == "HeuristicFusion"
            ? (FusionOptions)new HeuristicFusionOptions { StuffAreaLimit = 2 }
            : new SemanticFirstFusionOptions { StuffAreaLimit = 2 };
        var fusion = registry.Build(name, new PanopticFusionContext(Metadata), options);
        var instances = Instances(new Detection(0.9f, 2, "##....", "##...."), new Detection(0.8f, 1, "..#...", "......"));

        var result = fusion.Combine(instances, Labels("...122", "...122"));

        Rows(result.Segmentation).Should().Equal("112344", "11.344");
        result.Segments.Should().Equal(
            new PanopticSegment(1, 7, 2, true, 4, 0.9f, 0),
            new PanopticSegment(2, 3, 1, true, 1, 0.8f, 1),
            new PanopticSegment(3, 92, 1, false, 2),
            new PanopticSegment(4, 100, 2, false, 4));
    }

    [Fact]
    public void Without_metadata_category_ids_are_the_contiguous_classes()
    {
        PanopticCategories.From(null).Thing(4).Should().Be(4);
        PanopticCategories.Identity.Stuff(3).Should().Be(3);
        PanopticCategories.From(Metadata with { StuffDatasetIds = new Dictionary<int, int>() }).Stuff(5).Should().Be(5);
    }

    [Fact]
    public void A_class_the_metadata_does_not_map_is_an_error_naming_the_class_and_the_mapped_range()
    {
        var categories = PanopticCategories.From(Metadata);

        var thing = () => categories.Thing(5);
        var stuff = () => categories.Stuff(0);

        thing.Should().Throw<KeyNotFoundException>().WithMessage(
            "thing class 5 has no dataset category id in the metadata of 'gappy' (it maps 0..2); does the model's class count match the dataset's?");
        stuff.Should().Throw<KeyNotFoundException>().WithMessage("stuff label 0 has no dataset category id in the metadata of 'gappy' (it maps 1..2)*");
    }
}
