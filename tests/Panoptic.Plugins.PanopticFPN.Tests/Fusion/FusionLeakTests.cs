using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.PanopticFPN.Tests.Support;
using Panoptic.Torch;
using static Panoptic.Plugins.PanopticFPN.Tests.Support.Drawn;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

/// <summary>The fusions free every temporary tensor; only the returned id map is the caller's.</summary>
[Collection(SerialCollection.Name)]
public sealed class FusionLeakTests
{
    [Fact]
    public void Both_fusions_leave_only_the_returned_map_behind()
    {
        var instances = Instances(new Detection(0.9f, 1, "##.", "..."), new Detection(0.8f, 2, ".##", "..."));
        using var labels = Labels("..1", "..1");
        var before = Tensor.LiveCount;

        foreach (var fusion in new Abstractions.Modeling.Segmentation.IPanopticFusion[] { new HeuristicFusion(new FusionThresholds(StuffAreaLimit: 1)), new SemanticFirstFusion(new FusionThresholds(StuffAreaLimit: 1)) })
        {
            var result = fusion.Combine(instances, labels);
            Tensor.LiveCount.Should().Be(before + 1);
            result.Segmentation.Dispose();
        }

        Tensor.LiveCount.Should().Be(before);
    }
}
