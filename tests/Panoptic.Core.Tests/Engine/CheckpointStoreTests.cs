using FluentAssertions;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Panoptic.Torch.Optim;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

using Torch = Panoptic.Torch.Torch;

[Collection(NonParallelCollection.Name)]
public sealed class CheckpointStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Keep_last_n_deletes_only_older_periodic_checkpoints()
    {
        var store = new CheckpointStore(_dir.Path, maxToKeep: 2);
        store.SaveAside(CheckpointStore.BestName, Write);
        foreach (var iteration in new[] { 4, 9, 14 })
            store.Save(CheckpointStore.PeriodicName(iteration), Write);
        store.Save(CheckpointStore.FinalName, Write);

        Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Should().BeEquivalentTo(
            "model_0000009.safetensors", "model_0000014.safetensors", "model_final.safetensors", "model_best.safetensors", "last_checkpoint");
        File.ReadAllText(Path.Combine(_dir.Path, CheckpointStore.PointerFile)).Should().Be("model_final.safetensors\n");
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_previous_checkpoint_named_and_loadable()
    {
        Torch.ManualSeed(2);
        using var model = new TinyNet();
        using var optimizer = new SGD(model.Parameters(), 0.1, momentum: 0.9);
        var store = new CheckpointStore(_dir.Path, maxToKeep: 1);
        var good = store.Save(CheckpointStore.PeriodicName(4), path => CheckpointFile.Save(path, model, optimizer, State(4), "solver: {}\n"));
        var saved = model.Snapshot();

        var act = () => store.Save(CheckpointStore.PeriodicName(9), path =>
            AtomicFile.Write(path, stream =>
            {
                stream.Write(new byte[4096]);
                throw new IOException("disk full (simulated)");
            }));

        act.Should().Throw<IOException>();
        File.Exists(Path.Combine(_dir.Path, CheckpointStore.PeriodicName(9))).Should().BeFalse();
        Directory.GetFiles(_dir.Path, "*.tmp-*").Should().BeEmpty();
        store.FindLatest().Should().Be(good);
        Torch.ManualSeed(3);
        using var other = new TinyNet();
        using var otherOptimizer = new SGD(other.Parameters(), 0.1, momentum: 0.9);
        using (var loaded = CheckpointFile.Load(good))
        {
            loaded.State.Iteration.Should().Be(4);
            loaded.ConfigYaml.Should().Be("solver: {}\n");
            loaded.Restore(other, otherOptimizer);
        }
        other.Snapshot().Should().BeEquivalentTo(saved);
    }

    [Fact]
    public void What_a_killed_writer_leaves_is_ignored_when_resuming_and_removed_at_the_next_start()
    {
        var store = new CheckpointStore(_dir.Path, maxToKeep: 0);
        var good = store.Save(CheckpointStore.PeriodicName(4), WriteCheckpoint(4));
        _dir.Write("model_0000009.safetensors.tmp-0a1b2c3d4e5f", "half a checkpoint");
        _dir.Write("notes.tmp-0a1b2c3d4e5f", "not ours");

        store.FindLatest().Should().Be(good);
        store.RemoveStaleTemporaries().Should().Be(1);
        Directory.GetFiles(_dir.Path).Select(Path.GetFileName).Should().BeEquivalentTo("model_0000004.safetensors", "last_checkpoint", "notes.tmp-0a1b2c3d4e5f");
    }

    [Fact]
    public void Without_a_usable_pointer_the_newest_readable_checkpoint_is_chosen()
    {
        var store = new CheckpointStore(_dir.Path, maxToKeep: 0);
        store.Save(CheckpointStore.PeriodicName(4), WriteCheckpoint(4));
        var newest = store.Save(CheckpointStore.PeriodicName(12), WriteCheckpoint(12));
        store.Save(CheckpointStore.PeriodicName(19), path => File.WriteAllText(path, "truncated"));

        store.FindLatest().Should().Be(newest, "the pointer names a file that is not a checkpoint");
    }

    private static void Write(string path) => AtomicFile.WriteAllText(path, path);

    private static Action<string> WriteCheckpoint(int iteration) => path =>
    {
        using var model = new TinyNet(hidden: 2);
        using var optimizer = new SGD(model.Parameters(), 0.1);
        CheckpointFile.Save(path, model, optimizer, State(iteration), "");
    };

    private static CheckpointState State(int iteration) => new()
    {
        Iteration = iteration,
        MaxIterations = 20,
        Seed = 1,
        NextDataSequence = iteration + 1,
        DataSeed = 1,
        Optimizer = "SGD",
        ParamGroups = [new ParamGroupShape("default", 6)],
    };
}
