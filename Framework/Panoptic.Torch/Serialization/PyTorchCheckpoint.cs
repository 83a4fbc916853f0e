using Panoptic.Torch.Serialization.Pickle;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Imports PyTorch checkpoints written by <c>torch.save</c> (zip format, PyTorch ≥ 1.6) without Python and without
/// executing anything: the pickle is read by a managed allow-listing unpickler (libtorch 1.13's own C++ loader
/// rejects a <c>state_dict()</c>'s OrderedDict), and each storage record is read straight into tensor memory.
/// </summary>
public static class PyTorchCheckpoint
{
    /// <summary>
    /// Loads any checkpoint as a typed value tree: dicts, lists, tuples, ints, floats, strings, bools, None and
    /// tensors (on <paramref name="device"/>, CPU when null). Dispose the result to free its tensors.
    /// </summary>
    /// <exception cref="CheckpointFormatException">The file is not a readable torch.save checkpoint, or uses a global outside the allow-list.</exception>
    public static PickleValue Load(string path, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var archive = TorchArchive.Open(path);
        var resolver = new TorchPickleResolver();
        var root = new Unpickler(archive.ReadPickle(), resolver, path, archive.PickleName).Load();
        CheckpointTensorLoader.Load(archive, resolver.Tensors, device, path);
        return root;
    }

    /// <summary>
    /// Loads a state dict (<c>torch.save(model.state_dict(), path)</c>): an ordered name → tensor dictionary.
    /// With <paramref name="entry"/>, the state dict is the top-level dict's item of that name (e.g. <c>"model"</c>
    /// in <c>{"model": state_dict, "iteration": 5}</c>); every other tensor in the file is disposed.
    /// </summary>
    /// <exception cref="CheckpointFormatException">The file is unreadable, or the (selected) value is not a dict of tensors; the message lists the keys found.</exception>
    public static TensorDictionary LoadStateDict(string path, Device? device = null, string? entry = null)
    {
        var root = Load(path, device);
        try
        {
            var result = ToStateDict(Select(root, entry, path), path, entry);
            var kept = new HashSet<Tensor>(result.Values, ReferenceEqualityComparer.Instance);
            foreach (var t in root.Tensors().Where(t => !kept.Contains(t)).ToList()) t.Dispose();
            return result;
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    private static PickleValue Select(PickleValue root, string? entry, string path)
    {
        if (entry is null) return root;
        if (root is not PickleDict dict)
            throw new CheckpointFormatException(path, $"top level is a {root.TypeName}, not a dict with an entry '{entry}'");
        return dict.TryGetValue(entry, out var value)
            ? value
            : throw new CheckpointFormatException(path, $"top-level dict has no entry '{entry}' (keys: {dict.KeyPreview()})");
    }

    private static TensorDictionary ToStateDict(PickleValue value, string path, string? entry)
    {
        var where = entry is null ? "top level" : $"entry '{entry}'";
        if (value is not PickleDict dict)
            throw new CheckpointFormatException(path, $"{where} is a {value.TypeName}, not a dict of tensors");
        var pairs = new List<KeyValuePair<string, Tensor>>(dict.Count);
        foreach (var (key, item) in dict.Entries)
        {
            if (key is PickleString name && item is PickleTensor tensor)
            {
                pairs.Add(new(name.Value, tensor.Tensor));
                continue;
            }
            throw new CheckpointFormatException(path,
                $"{where} is a {dict.TypeName} with keys [{dict.KeyPreview()}], not a state dict: {key} holds a {item.TypeName}" +
                (TensorDicts(dict) is { Length: > 0 } hint ? $"; pass entry: {hint}" : "; use PyTorchCheckpoint.Load to read it"));
        }
        return new TensorDictionary(pairs);
    }

    /// <summary>The string keys of <paramref name="dict"/> whose values are non-empty dicts of tensors, quoted, for hints.</summary>
    private static string TensorDicts(PickleDict dict) => string.Join(" or ", dict.Entries
        .Where(e => e.Key is PickleString && e.Value is PickleDict { Count: > 0 } d && d.Entries.All(x => x.Value is PickleTensor))
        .Select(e => $"\"{((PickleString)e.Key).Value}\""));
}
