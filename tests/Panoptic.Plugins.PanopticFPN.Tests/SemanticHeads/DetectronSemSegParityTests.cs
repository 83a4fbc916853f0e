using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;
using PythonReference = Panoptic.Tests.Shared.PythonReference;

namespace Panoptic.Plugins.PanopticFPN.Tests.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// detectron2's <c>SemSegFPNHead</c>, written out in Debian's PyTorch by <c>Fixtures/semseg_fpn_head.py</c>: with its
/// weights (loaded by name, no mapping) our head gives its logits, upsampled logits and loss.
/// </summary>
public sealed class DetectronSemSegParityTests : IDisposable
{
    private const double Tolerance = 1e-5;

    private readonly TempFolder _folder = new();
    private readonly TensorDictionary _reference;

    public DetectronSemSegParityTests()
    {
        PythonReference.RunFile(PythonReference.Fixture("semseg_fpn_head.py"), Torch.NumThreads, _folder.File("semseg.pth"), "GN", "");
        _reference = PyTorchCheckpoint.LoadStateDict(_folder.File("semseg.pth"));
    }

    public void Dispose()
    {
        _reference.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("GN")]
    [InlineData("")]
    public void Logits_upsampled_logits_and_loss_match_detectron2s_head_with_its_weights(string norm)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var key = norm.Length == 0 ? "none" : norm;
        var shapes = Enumerable.Range(2, 4).ToDictionary(level => $"p{level}", level => new ShapeSpec(16, 1 << level));
        using var head = new SemanticFPNHead(shapes, ["p2", "p3", "p4", "p5"], numClasses: 5, convDims: 64, norm: norm);
        var load = head.LoadStateDict(Entries($"{key}.state."));
        var features = Entries($"{key}.input.").ToDictionary(kv => kv.Key, kv => kv.Value);

        var logits = head.Forward(features);
        var upsampled = head.Predict(logits);
        var loss = head.Losses(logits, _reference[$"{key}.targets"])["loss_sem_seg"];

        (load.MissingKeys.Count, load.UnexpectedKeys.Count).Should().Be((0, 0));
        MaxDifference(logits, _reference[$"{key}.logits"]).Should().BeLessThan(Tolerance);
        MaxDifference(upsampled, _reference[$"{key}.upsampled"]).Should().BeLessThan(Tolerance);
        loss.ToDouble().Should().BeApproximately(_reference[$"{key}.loss"].ToDouble(), Tolerance);
    }

    private IEnumerable<KeyValuePair<string, Tensor>> Entries(string prefix) =>
        _reference.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => new KeyValuePair<string, Tensor>(k[prefix.Length..], _reference[k]));

    private static double MaxDifference(Tensor a, Tensor b)
    {
        a.Shape.Should().Equal(b.Shape);
        using var scope = Torch.NewDisposeScope();
        return (a - b).Abs().Max().ToDouble();
    }
}
