using System.Globalization;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;
using PythonReference = Panoptic.Tests.Shared.PythonReference;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// detectron2's <c>combine_semantic_and_instance_outputs</c>, written out in PyTorch by <c>Fixtures/panoptic_combine.py</c>,
/// on random scenes (20 instances, one empty, on 64×80): identical id maps and segment lists.
/// </summary>
public sealed class DetectronFusionParityTests
{
    [Theory]
    [InlineData(4, 0.5, 300, 0.5)]
    [InlineData(2, 0.5, 4096, 0.5)]
    [InlineData(3, 0.3, 100, 0.2)]
    public void Random_scenes_fuse_to_detectron2s_id_maps_and_segments(int cases, double overlap, int stuffAreaLimit, double scoreThreshold)
    {
        using var folder = new TempFolder();
        var path = folder.File("combine.pth");
        PythonReference.RunFile(PythonReference.Fixture("panoptic_combine.py"), 1, path, cases.ToString(CultureInfo.InvariantCulture),
            overlap.ToString(CultureInfo.InvariantCulture), stuffAreaLimit.ToString(CultureInfo.InvariantCulture), scoreThreshold.ToString(CultureInfo.InvariantCulture));
        using var reference = PyTorchCheckpoint.LoadStateDict(path);
        var fusion = new HeuristicFusion(new FusionThresholds(overlap, stuffAreaLimit, scoreThreshold));
        var segmentsSeen = 0;

        for (var c = 0; c < cases; c++)
        {
            using var scope = Torch.NewDisposeScope();
            var masks = reference[$"case{c}.masks"];
            var scores = reference[$"case{c}.scores"];
            var instances = new Instances((int)masks.Size(1), (int)masks.Size(2))
                .Set(InstanceFields.Scores, scores)
                .Set(InstanceFields.PredClasses, reference[$"case{c}.classes"])
                .Set(InstanceFields.PredMasks, masks);

            var result = fusion.Combine(instances, reference[$"case{c}.semantic"]);

            result.Segmentation.ToArray<int>().Should().Equal(reference[$"case{c}.panoptic"].ToArray<int>(), $"case {c}");
            var expected = reference[$"case{c}.segments"].ToArray<long>().Chunk(5)
                .Select(s => (Id: (int)s[0], Class: (int)s[1], IsThing: s[2] == 1, Instance: (int)s[3], Area: s[4])).ToList();
            result.Segments.Select(s => (s.Id, s.ClassIndex, s.IsThing, s.InstanceId ?? -1, s.Area)).Should().Equal(expected, $"case {c}");
            var scoreValues = scores.ToArray<float>();
            result.Segments.Where(s => s.IsThing).Should().OnlyContain(s => s.Score == scoreValues[s.InstanceId!.Value]);
            segmentsSeen += expected.Count;
        }
        segmentsSeen.Should().BeGreaterThan(2 * cases);
    }
}
