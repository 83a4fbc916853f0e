using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.Checkpoints;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Renames (and adapts) a foreign state dict into a model's names with <see cref="KeyRule"/>s. <see cref="Apply"/> is
/// strict: a source name no rule maps, a mapped name the model does not have, a model name nothing provides, or two
/// sources for one name is an error listing every such name. Counters that only batch norm keeps
/// (<c>num_batches_tracked</c>) are dropped when the model's norm is frozen and has none.
/// </summary>
public static class CheckpointMapping
{
    private const string BatchNormCounter = "num_batches_tracked";

    /// <summary>Strict renaming (loading a checkpoint as the model's weights).</summary>
    /// <param name="source">The foreign state dict.</param>
    /// <param name="rules">Tried in order; the first match wins.</param>
    /// <param name="model">Names and shapes of the model's state dict.</param>
    /// <param name="what">What the checkpoint is, for messages (e.g. "torchvision Mask R-CNN checkpoint x.pth").</param>
    /// <returns>The model's names with the (possibly transformed) values, in the model's order.</returns>
    /// <exception cref="StateDictException">Names that do not map one to one (all of them listed).</exception>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Apply(IEnumerable<KeyValuePair<string, Tensor>> source, IReadOnlyList<KeyRule> rules,
        IReadOnlyDictionary<string, long[]> model, string what)
    {
        var result = Map(source, rules, model, strict: true);
        var missing = model.Keys.Where(k => !result.Mapped.ContainsKey(k)).ToList();
        var problems = new List<string>();
        if (result.Unmapped.Count > 0)
            problems.Add($"{result.Unmapped.Count} checkpoint keys match no rule: {string.Join(", ", result.Unmapped)}");
        if (result.Unused.Count > 0)
            problems.Add($"{result.Unused.Count} checkpoint keys map to names the model does not have: {string.Join(", ", result.Unused)}");
        if (result.Duplicated.Count > 0)
            problems.Add($"checkpoint keys map to the same name: {string.Join("; ", result.Duplicated)}");
        if (missing.Count > 0)
            problems.Add($"{missing.Count} model keys are not in the checkpoint: {string.Join(", ", missing)}");
        if (problems.Count > 0)
            throw new StateDictException($"cannot load {what}:\n  " + string.Join("\n  ", problems));
        return model.Keys.Select(k => new KeyValuePair<string, Tensor>(k, result.Mapped[k])).ToList();
    }

    /// <summary>
    /// Lenient renaming (initialising a model that may differ, e.g. in its class count): what maps to a model name is
    /// returned, transformed where the transform fits and as is otherwise (so the loader can report the shape); the
    /// rest is left out.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, Tensor>> Rename(IEnumerable<KeyValuePair<string, Tensor>> source, IReadOnlyList<KeyRule> rules,
        IReadOnlyDictionary<string, long[]> model) =>
        Map(source, rules, model, strict: false).Mapped.ToList();

    private sealed record Mapping(Dictionary<string, Tensor> Mapped, List<string> Unmapped, List<string> Unused, List<string> Duplicated);

    private static Mapping Map(IEnumerable<KeyValuePair<string, Tensor>> source, IReadOnlyList<KeyRule> rules, IReadOnlyDictionary<string, long[]> model, bool strict)
    {
        var result = new Mapping([], [], [], []);
        var sources = new Dictionary<string, string>();
        foreach (var (name, value) in source)
        {
            var rule = rules.Select(r => (Rule: r, Match: r.Pattern.Match(name))).FirstOrDefault(m => m.Match.Success);
            if (rule.Rule is null)
            {
                result.Unmapped.Add(name);
                continue;
            }
            var target = rule.Rule.Target(rule.Match);
            if (!model.TryGetValue(target, out var shape))
            {
                if (!name.EndsWith(BatchNormCounter, StringComparison.Ordinal))
                    result.Unused.Add($"{name} → {target}");
                continue;
            }
            if (sources.TryGetValue(target, out var earlier))
            {
                result.Duplicated.Add($"{earlier} and {name} → {target}");
                continue;
            }
            sources[target] = name;
            result.Mapped[target] = rule.Rule.Transform is not { } transform ? value : strict ? transform(value, shape) : TryTransform(transform, value, shape);
        }
        return result;
    }

    private static Tensor TryTransform(Func<Tensor, long[], Tensor> transform, Tensor value, long[] shape)
    {
        try
        {
            return transform(value, shape);
        }
        catch (StateDictException)
        {
            return value;
        }
    }

    /// <summary>Rows [1..] then row 0: class 0 (background first, torchvision) becomes the last class (detectron2).</summary>
    public static Tensor BackgroundLast(Tensor value, long[] shape)
    {
        if (value.Size(0) != shape[0])
            throw new StateDictException($"expected {shape[0]} class rows, the checkpoint has {value.Size(0)}");
        using var scope = Torch.NewDisposeScope();
        return scope.MoveToOuter(Torch.Cat([value.Narrow(0, 1, value.Size(0) - 1), value.Narrow(0, 0, 1)], 0));
    }

    /// <summary>Drops the leading rows the target lacks (the background's: 1 mask channel, 4 box deltas).</summary>
    public static Tensor DropBackground(Tensor value, long[] shape)
    {
        var extra = value.Size(0) - shape[0];
        if (extra is not (1 or 4))
            throw new StateDictException($"expected {shape[0]} rows plus the background's, the checkpoint has {value.Size(0)}");
        return value.Narrow(0, extra, shape[0]);
    }
}
