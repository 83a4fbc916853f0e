using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Engine.Data;

/// <summary>
/// The training stream as the trainer reads it: endless batches addressed by sequence number (0, 1, 2, …), so a
/// resumed run asks for the batch after the last one the checkpoint consumed and sees exactly what an uninterrupted
/// run would have seen.
/// </summary>
public interface ITrainingData
{
    /// <summary>Images per delivered batch (a micro-batch when gradients are accumulated).</summary>
    int BatchSize { get; }

    /// <summary>Root seed of the order and the augmentations (stored in checkpoints; a resume with another one is refused).</summary>
    ulong Seed { get; }

    /// <summary>Endless batches from <paramref name="firstSequence"/> on; the caller disposes each batch.</summary>
    IEnumerable<DataBatch> Batches(long firstSequence);
}
