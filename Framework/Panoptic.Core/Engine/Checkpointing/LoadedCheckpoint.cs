using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;
using Panoptic.Torch.Serialization;

namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>A training checkpoint read into memory (CPU tensors), ready to restore a model and optimizer from. Owns its tensors.</summary>
public sealed class LoadedCheckpoint(string path, TensorDictionary tensors, CheckpointState state, string configYaml) : IDisposable
{
    public string Path { get; } = path;

    public CheckpointState State { get; } = state;

    /// <summary>The resolved config it was written with (YAML).</summary>
    public string ConfigYaml { get; } = configYaml;

    /// <summary>The model's state dict (names without the <c>model.</c> prefix).</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> ModelState => WithPrefix(CheckpointFile.ModelPrefix, except: null);

    /// <summary>
    /// Restores the model's weights and buffers, the optimizer's state (moments, AdamW step counts) and the global
    /// CPU generator: after this the next iteration computes exactly what it would have in the run that wrote it.
    /// </summary>
    /// <exception cref="CheckpointException">The optimizer kind or parameter groups differ from the checkpoint's.</exception>
    /// <exception cref="StateDictException">The model's names or shapes differ (listed).</exception>
    public void Restore(Module model, Optimizer optimizer)
    {
        CheckOptimizer(optimizer);
        model.LoadStateDict(ModelState);
        optimizer.LoadStateTensors(WithPrefix(CheckpointFile.OptimizerPrefix, except: CheckpointFile.StepCountsPrefix));
        if (optimizer is AdamW adam)
        {
            for (var g = 0; g < adam.StepCounts.Count; g++)
            {
                var counts = tensors[CheckpointFile.StepCountsPrefix + g].ToArray<long>();
                counts.CopyTo(adam.StepCounts[g], 0);
            }
        }
        Generator.SetDefaultState(tensors[CheckpointFile.RngKey]);
    }

    public void Dispose() => tensors.Dispose();

    private void CheckOptimizer(Optimizer optimizer)
    {
        var kind = optimizer.GetType().Name;
        if (kind != State.Optimizer)
            throw new CheckpointException($"{Path} was written by a {State.Optimizer} run; this run uses {kind} (solver.optimizer). Resume with the same optimizer, or start from its weights with --init-from");
        var groups = optimizer.ParamGroups.Select(g => new ParamGroupShape(g.Name, g.Parameters.Count)).ToList();
        if (!groups.SequenceEqual(State.ParamGroups))
            throw new CheckpointException(
                $"{Path}: the optimizer's parameter groups differ from the checkpoint's ({Describe(State.ParamGroups)} there, {Describe(groups)} now; " +
                "solver.weight_decay_norm, weight_decay_bias and bias_lr_factor decide them, as do frozen parameters). Resume with the same keys, or use --init-from");
    }

    private static string Describe(IEnumerable<ParamGroupShape> groups) => string.Join(", ", groups.Select(g => $"{g.Name}: {g.Parameters}"));

    private List<KeyValuePair<string, Tensor>> WithPrefix(string prefix, string? except) =>
        tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && (except is null || !kv.Key.StartsWith(except, StringComparison.Ordinal)))
            .Select(kv => new KeyValuePair<string, Tensor>(kv.Key[prefix.Length..], kv.Value))
            .ToList();
}
