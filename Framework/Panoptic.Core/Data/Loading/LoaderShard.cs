namespace Panoptic.Core.Data.Loading;

/// <summary>
/// One rank's part of every batch under data parallelism (detectron2's sharded <c>TrainingSampler</c>, by batch): the
/// plan is made for the whole (global) batch, and rank <see cref="Rank"/> of <see cref="Count"/> takes its
/// consecutive slice of each planned batch, so the ranks together see exactly the batches one process would.
/// </summary>
public sealed record LoaderShard(int Rank, int Count)
{
    /// <summary>This rank's images of a planned batch of <paramref name="batchSize"/> (a shorter last batch is split as evenly as it goes).</summary>
    public PlannedBatch Take(PlannedBatch batch, int batchSize)
    {
        var per = batchSize / Count;
        var start = Math.Min(Rank * per, batch.Items.Count);
        var length = Math.Min(per, batch.Items.Count - start);
        return batch with { Items = batch.Items.Skip(start).Take(length).ToArray() };
    }

    /// <exception cref="ArgumentOutOfRangeException">A rank outside the count, or a batch the ranks cannot share evenly.</exception>
    public void Validate(int batchSize)
    {
        if (Count < 1 || Rank < 0 || Rank >= Count)
            throw new ArgumentOutOfRangeException(nameof(Rank), Rank, $"shard rank must be in 0..{Count - 1}");
        if (batchSize % Count != 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"a batch of {batchSize} images cannot be split evenly over {Count} ranks");
    }
}
