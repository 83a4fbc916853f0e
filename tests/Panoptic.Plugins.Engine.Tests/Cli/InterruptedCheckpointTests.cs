using System.Diagnostics;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.Engine.Tests.Cli;

/// <summary>
/// Kills <c>panoptic train</c> while it writes a large checkpoint (256 MB of padding parameters, a checkpoint every
/// iteration): the previous checkpoint stays complete and named by <c>last_checkpoint</c>, no checkpoint name holds a
/// partial file, and <c>--resume</c> cleans up and continues.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class InterruptedCheckpointTests(TinyTrainingSet set) : IClassFixture<TinyTrainingSet>
{
    [Fact]
    public void A_process_killed_while_writing_a_checkpoint_leaves_the_previous_one_loadable()
    {
        var output = set.Output("killed");
        var checkpoints = Path.Combine(output, "checkpoints");
        string[] large = ["model.padding_parameters=67108864", "solver.checkpoint_period=1", "solver.checkpoint_max_to_keep=2", "test.eval_period=0", "runtime.progress=none"];
        using (var process = Process.Start(CliRun.StartInfo(["train", "--config", set.Config, "--output", output, "solver.max_iter=1000", "solver.steps=[900]", .. large]))!)
        {
            var clock = Stopwatch.StartNew();
            // Kill early in a write (under a quarter of its 256 MB), so it cannot finish before the signal lands.
            while (!(File.Exists(Path.Combine(checkpoints, CheckpointStore.PointerFile)) && WriteInProgress(checkpoints)))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"training ended (exit {process.ExitCode}) before a checkpoint write could be cut off: {process.StandardError.ReadToEnd()}");
                clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "a second checkpoint write should have started");
                Thread.Sleep(2);
            }
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Temporaries(checkpoints).Should().NotBeEmpty("the write in progress was cut off");
        foreach (var complete in Directory.GetFiles(checkpoints, "*.safetensors"))
            CheckpointFile.ReadState(complete).Iteration.Should().BeGreaterThanOrEqualTo(0, $"{complete} must be whole");
        var latest = new CheckpointStore(checkpoints, 0).FindLatest();
        latest.Should().NotBeNull();
        Path.Combine(checkpoints, File.ReadAllText(Path.Combine(checkpoints, CheckpointStore.PointerFile)).Trim()).Should().Be(latest);
        int iteration;
        using (var loaded = CheckpointFile.Load(latest!))
        {
            iteration = loaded.State.Iteration;
            loaded.ModelState.Should().Contain(kv => kv.Key == "padding" && kv.Value.Numel == 67108864);
        }
        Directory.GetFiles(checkpoints, "model_0*.safetensors").Length.Should().BeLessThanOrEqualTo(2, "checkpoint_max_to_keep: 2");

        var (code, stdout, stderr) = CliRun.Run(["train", "--config", set.Config, "--output", output, "--resume", $"solver.max_iter={iteration + 2}", "solver.steps=[]", .. large]);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("removed 1 incomplete checkpoint file(s)").And.Contain($"at iteration {iteration + 1}");
        Temporaries(checkpoints).Should().BeEmpty();
        SafeTensors.ReadHeader(Path.Combine(checkpoints, CheckpointStore.FinalName)).Tensors.Should().Contain(t => t.Name == "model.padding");
    }

    private static bool WriteInProgress(string folder) =>
        Directory.Exists(folder) && Directory.GetFiles(folder, "model_*.safetensors.tmp-*").Any(f => new FileInfo(f).Length < 64L << 20);

    private static string[] Temporaries(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.tmp-*") : [];
}
