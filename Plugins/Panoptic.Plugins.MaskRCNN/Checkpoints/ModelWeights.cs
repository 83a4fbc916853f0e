using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.MaskRCNN.Checkpoints;

using Torch = Panoptic.Torch.Torch;

/// <summary>Loads and saves model weights: our safetensors (names as the model has them), torchvision <c>.pth</c> through <see cref="TorchvisionMaskRCNN"/>.</summary>
public static class ModelWeights
{
    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>, strictly (every name must match one to one).</summary>
    /// <exception cref="StateDictException">Names or shapes that do not match (all listed).</exception>
    /// <exception cref="ArgumentException">An extension other than .safetensors, .pth, .pt.</exception>
    public static void Load(Module model, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".safetensors" or ".pth" or ".pt"))
            throw new ArgumentException($"weights '{path}': expected .safetensors (ours) or .pth/.pt (a torchvision Mask R-CNN state dict)", nameof(path));
        if (!File.Exists(path))
            throw new FileNotFoundException($"weights file '{path}' does not exist", path);
        using var scope = Torch.NewDisposeScope();
        using var loaded = extension == ".safetensors" ? SafeTensors.Load(path) : PyTorchCheckpoint.LoadStateDict(path);
        var entries = Enumerable.Range(0, loaded.Count).Select(i => loaded[i]).ToList();
        if (extension != ".safetensors")
        {
            var shapes = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Shape);
            entries = [.. CheckpointMapping.Apply(entries, TorchvisionMaskRCNN.Rules, shapes, $"torchvision Mask R-CNN checkpoint '{path}'")];
        }
        model.LoadStateDict(entries);
    }

    /// <summary>Saves the model's state dict as safetensors (atomically).</summary>
    public static void Save(Module model, string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Save(path, model.StateDict(), metadata);
}
