using Panoptic.Torch.Serialization;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>Runs alone: <see cref="Tensor.LiveCount"/> is process-wide.</summary>
[CollectionDefinition(nameof(SerializationLeakTests), DisableParallelization = true)]
public sealed class SerializationLeakCollection : ICollectionFixture<CheckpointFixture>;

[Collection(nameof(SerializationLeakTests))]
public class SerializationLeakTests(CheckpointFixture fixture) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Loading_and_saving_inside_a_dispose_scope_leaves_no_live_tensor_behind()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Tensor.LiveCount;

        using (Torch.NewDisposeScope())
        {
            var sd = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("resnet18"));
            var shared = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("shared"));
            var tree = PyTorchCheckpoint.Load(fixture.PathOf("nested"));
            var model = PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"), entry: "model");
            var path = _folder.File("resnet18.safetensors");
            SafeTensors.Save(path, shared);
            var back = SafeTensors.Load(path);
            back.Count.Should().Be(shared.Count);
            sd.Count.Should().Be(122);
            tree.Tensors().Should().HaveCount(3);
            model.Count.Should().Be(2);
            var failing = () => PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"));
            failing.Should().Throw<CheckpointFormatException>();
        }

        Tensor.LiveCount.Should().Be(before);
    }

    [Fact]
    public void Disposing_the_results_frees_every_tensor_without_a_scope()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Tensor.LiveCount;

        PyTorchCheckpoint.LoadStateDict(fixture.PathOf("dtypes")).Dispose();
        PyTorchCheckpoint.Load(fixture.PathOf("nested")).Dispose();
        PyTorchCheckpoint.LoadStateDict(fixture.PathOf("nested"), entry: "model").Dispose();
        var corrupt = () => PyTorchCheckpoint.Load(fixture.PathOf("fraction"));
        corrupt.Should().Throw<CheckpointFormatException>();

        Tensor.LiveCount.Should().Be(before);
    }
}
