using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Serialization;

namespace Panoptic.Core.Engine.Checkpointing;

using Torch = Panoptic.Torch.Torch;

/// <summary>What <see cref="InitialWeights.Load"/> took from a weights file and what it left.</summary>
/// <param name="Path">The file.</param>
/// <param name="Loaded">Tensors copied into the model.</param>
/// <param name="ShapeMismatches">Names present on both sides with different shapes (skipped, e.g. a classifier for other classes).</param>
/// <param name="Missing">Model names the file does not provide (left as initialised).</param>
/// <param name="Unexpected">File names the model does not have (ignored).</param>
public sealed record WeightsReport(string Path, int Loaded, IReadOnlyList<string> ShapeMismatches, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected)
{
    public override string ToString()
    {
        var parts = new List<string> { $"initialised from {Path}: {Loaded} tensors loaded" };
        if (ShapeMismatches.Count > 0)
            parts.Add($"{ShapeMismatches.Count} skipped for shape ({string.Join("; ", ShapeMismatches)})");
        if (Missing.Count > 0)
            parts.Add($"{Missing.Count} not in the file ({string.Join(", ", Missing)})");
        if (Unexpected.Count > 0)
            parts.Add($"{Unexpected.Count} unused ({string.Join(", ", Unexpected)})");
        return string.Join("; ", parts);
    }
}

/// <summary>
/// <c>--init-from W</c>: weights only, no optimizer state or iteration (detectron2 <c>MODEL.WEIGHTS</c> without
/// resume). <c>.safetensors</c>: a training checkpoint (its <c>model.*</c> tensors) or a bare state dict; <c>.pth</c> /
/// <c>.pt</c>: a PyTorch state dict, renamed by the model when it implements <see cref="IExternalWeights"/> (a
/// torchvision checkpoint) and taken by name otherwise. Like detectron2, loading is lenient: tensors whose shapes differ
/// are skipped and names on one side only are reported, not fatal; but a file sharing no tensor with the model is an error.
/// </summary>
public static class InitialWeights
{
    /// <param name="model">The model to fill.</param>
    /// <param name="path">The weights file.</param>
    /// <param name="strict">
    /// Every model tensor must come from the file with its shape (inference from a trained model: a partial load would
    /// silently predict with random layers); names only in the file are still ignored.
    /// </param>
    /// <exception cref="CheckpointException">
    /// Unknown extension, nothing in the file fits the model, or (strict) a model tensor missing from the file or shaped differently.
    /// </exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static WeightsReport Load(Module model, string path, bool strict = false)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".safetensors" or ".pth" or ".pt"))
            throw new CheckpointException($"--init-from {path}: expected a .safetensors file (ours) or a PyTorch state dict (.pth, .pt)");
        if (!File.Exists(path))
            throw new FileNotFoundException($"--init-from: weights file '{path}' does not exist", path);
        using var scope = Torch.NewDisposeScope();
        using var file = extension == ".safetensors" ? SafeTensors.Load(path) : PyTorchCheckpoint.LoadStateDict(path);
        IReadOnlyList<KeyValuePair<string, Tensor>> entries = file.ToList();
        if (CheckpointFile.IsTrainingCheckpoint(file.Metadata))
        {
            entries = entries.Where(kv => kv.Key.StartsWith(CheckpointFile.ModelPrefix, StringComparison.Ordinal))
                .Select(kv => new KeyValuePair<string, Tensor>(kv.Key[CheckpointFile.ModelPrefix.Length..], kv.Value)).ToList();
        }
        else if (extension != ".safetensors" && model is IExternalWeights external)
        {
            entries = external.MapExternalWeights(entries, path);
        }
        var report = LoadMatching(model, entries, path);
        if (strict && (report.Missing.Count > 0 || report.ShapeMismatches.Count > 0))
        {
            throw new CheckpointException(
                $"{path} does not fit the config's model {model.GetType().Name}: " +
                (report.Missing.Count > 0 ? $"{report.Missing.Count} tensor(s) missing ({string.Join(", ", report.Missing.Take(5))}{(report.Missing.Count > 5 ? ", …" : "")}) " : "") +
                (report.ShapeMismatches.Count > 0 ? $"{report.ShapeMismatches.Count} of another shape ({string.Join("; ", report.ShapeMismatches.Take(3))})" : "") +
                "; were the weights trained with this config?");
        }
        return report;
    }

    private static WeightsReport LoadMatching(Module model, IReadOnlyList<KeyValuePair<string, Tensor>> entries, string path)
    {
        var own = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Shape);
        var matching = new List<KeyValuePair<string, Tensor>>();
        var mismatched = new List<string>();
        var unexpected = new List<string>();
        foreach (var (name, value) in entries)
        {
            if (!own.TryGetValue(name, out var shape))
                unexpected.Add(name);
            else if (!shape.SequenceEqual(value.Shape))
                mismatched.Add($"{name}: file [{string.Join(", ", value.Shape)}], model [{string.Join(", ", shape)}]");
            else
                matching.Add(new(name, value));
        }
        if (matching.Count == 0)
        {
            var hint = model is IExternalWeights || path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase)
                ? ""
                : $" ({model.GetType().Name} does not implement IExternalWeights, so names are taken as they are)";
            throw new CheckpointException(
                $"--init-from {path}: none of its {entries.Count} tensors fits the model{hint}; file names start {string.Join(", ", entries.Take(3).Select(e => e.Key))}, model names {string.Join(", ", own.Keys.Take(3))}");
        }
        model.LoadStateDict(matching, strict: false);
        var provided = matching.Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
        var missing = own.Keys.Where(k => !provided.Contains(k) && !mismatched.Any(m => m.StartsWith(k + ":", StringComparison.Ordinal))).ToList();
        return new WeightsReport(path, matching.Count, mismatched, missing, unexpected);
    }
}
