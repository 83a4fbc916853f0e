using Panoptic.Torch.Serialization.Pickle;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Reads the data of the tensors a checkpoint pickle rebuilt: each storage record once, then each tensor as a
/// compact contiguous tensor owning its memory (a view of shared storage, with an offset or strides, is copied
/// out; a tensor that is the sole, exact user of its storage keeps the storage's memory without a copy).
/// </summary>
internal static class CheckpointTensorLoader
{
    public static void Load(TorchArchive archive, IReadOnlyList<PickleTensor> tensors, Device? device, string path)
    {
        var loaded = new List<Tensor>(tensors.Count);
        try
        {
            foreach (var group in tensors.GroupBy(t => t.Storage, ReferenceEqualityComparer.Instance))
            {
                var users = group.ToList();
                using var storage = archive.ReadStorage(users[0].Storage);
                foreach (var t in users)
                {
                    var tensor = TensorMemory.MoveTo(Extract(storage, t, users.Count == 1, path), device);
                    loaded.Add(tensor);
                    if (t.RequiresGrad && tensor.DType.IsFloatingPoint()) tensor.RequiresGrad = true;
                    t.SetTensor(tensor);
                }
            }
        }
        catch
        {
            foreach (var t in loaded) t.Dispose();
            throw;
        }
    }

    private static Tensor Extract(Tensor storage, PickleTensor t, bool soleUser, string path)
    {
        CheckBounds(t, path);
        var size = t.Size.ToArray();
        var view = storage.AsStrided(size, t.Stride.ToArray(), t.StorageOffset);
        if (soleUser && t.StorageOffset == 0 && view.Numel == t.Storage.Numel && view.IsContiguous) return view;
        try
        {
            return view.IsContiguous ? view.Clone() : view.Contiguous();
        }
        finally
        {
            view.Dispose();
        }
    }

    /// <summary>The view must stay inside its storage (else as_strided would read out of bounds).</summary>
    private static void CheckBounds(PickleTensor t, string path)
    {
        var limit = t.Storage.Numel;
        if (!InBounds(t, limit))
            throw new CheckpointFormatException(path,
                $"tensor [{string.Join(", ", t.Size)}] with strides [{string.Join(", ", t.Stride)}] at offset {t.StorageOffset} " +
                $"reaches past the end of storage '{t.Storage.Key}' ({limit} elements)");
    }

    private static bool InBounds(PickleTensor t, long limit)
    {
        try
        {
            _ = t.Size.Aggregate(1L, (n, d) => checked(n * d));
            if (t.Size.Contains(0)) return t.StorageOffset <= limit;
            var last = t.StorageOffset;
            for (var d = 0; d < t.Size.Count; d++) last = checked(last + (t.Size[d] - 1) * t.Stride[d]);
            return last < limit;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
