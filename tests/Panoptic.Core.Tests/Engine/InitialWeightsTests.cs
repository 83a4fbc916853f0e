using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

using Torch = Panoptic.Torch.Torch;

[Collection(NonParallelCollection.Name)]
public sealed class InitialWeightsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Init_from_a_training_checkpoint_takes_its_model_weights_and_starts_at_iteration_zero()
    {
        Torch.ManualSeed(1);
        Dictionary<string, float[]> trained;
        using (var model = new TinyNet())
        {
            new Trainer(TinyRuns.Setup(Path.Combine(_dir.Path, "a"), model, TinyRuns.Solver(3))).Run(TrainingStart.FromScratch);
            trained = model.Snapshot();
        }
        var final = Path.Combine(_dir.Path, "a", "checkpoints", CheckpointStore.FinalName);
        Torch.ManualSeed(2);
        using var fresh = new TinyNet();

        var report = InitialWeights.Load(fresh, final);

        report.Loaded.Should().Be(6);
        report.Missing.Should().BeEmpty();
        fresh.Snapshot().Should().BeEquivalentTo(trained);
    }

    [Fact]
    public void Tensors_of_another_shape_are_skipped_and_reported_and_others_load()
    {
        Torch.ManualSeed(3);
        using var small = new TinyNet(hidden: 4);
        var path = Path.Combine(_dir.Path, "weights.safetensors");
        SafeTensors.Save(path, small.StateDict().Append(new("extra.weight", Torch.Zeros([2]))));
        using var wide = new TinyNet(hidden: 8);
        var output = wide.Snapshot()["output.bias"];

        var report = InitialWeights.Load(wide, path);

        report.Loaded.Should().Be(1, "only output.bias [1] has the same shape");
        report.ShapeMismatches.Should().HaveCount(5).And.Contain("hidden.weight: file [4, 48], model [8, 48]");
        report.Unexpected.Should().Equal("extra.weight");
        report.Missing.Should().BeEmpty();
        wide.Snapshot()["output.bias"].Should().Equal(small.Snapshot()["output.bias"]).And.NotEqual(output);
        report.ToString().Should().StartWith($"initialised from {path}: 1 tensors loaded; 5 skipped for shape");
    }

    [Fact]
    public void A_file_sharing_nothing_with_the_model_is_an_error_naming_both_sides()
    {
        var path = Path.Combine(_dir.Path, "other.safetensors");
        SafeTensors.Save(path, [new KeyValuePair<string, Tensor>("backbone.conv1.weight", Torch.Zeros([1]))]);
        using var model = new TinyNet();

        var act = () => InitialWeights.Load(model, path);

        act.Should().Throw<CheckpointException>().WithMessage("*none of its 1 tensors fits the model*backbone.conv1.weight*hidden.weight*");
    }
}
