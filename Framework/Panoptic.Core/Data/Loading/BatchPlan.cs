using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Loading;

/// <summary>One image of a planned batch.</summary>
/// <param name="Index">Index of the record.</param>
/// <param name="Epoch">Pass over the dataset it belongs to.</param>
/// <param name="Seed">Seed of its transform generator, from (root seed, epoch, position in the epoch).</param>
public sealed record PlannedItem(int Index, int Epoch, ulong Seed);

/// <summary>The images of one batch, decided before any image is decoded.</summary>
/// <param name="Sequence">0, 1, 2, …: the order batches are delivered in.</param>
/// <param name="Items">Its images.</param>
public sealed record PlannedBatch(long Sequence, IReadOnlyList<PlannedItem> Items);

/// <summary>
/// Decides which records go into which batch, from the seed and the record sizes alone (detectron2
/// <c>TrainingSampler</c> + <c>AspectRatioGroupedDataset</c>): each epoch is a permutation drawn from
/// (seed, epoch) — or file order without shuffling —; with grouping, images go to a landscape (w &gt; h) or a
/// portrait bucket in that order and a bucket is emitted when full. The plan is the same whatever the number of
/// loader threads.
/// </summary>
public sealed class BatchPlanner(IReadOnlyList<DatasetRecord> records, LoaderSettings settings)
{
    /// <summary>The batches, in delivery order; endless when <see cref="LoaderSettings.Infinite"/>.</summary>
    /// <exception cref="InvalidOperationException">No records.</exception>
    public IEnumerable<PlannedBatch> Plan()
    {
        if (records.Count == 0)
            throw new InvalidOperationException("the dataset has no images to load (check the annotation files and dataset.loader.filter_empty_annotations)");
        var buckets = new List<PlannedItem>[settings.AspectRatioGrouping ? 2 : 1];
        for (var b = 0; b < buckets.Length; b++)
            buckets[b] = new List<PlannedItem>(settings.BatchSize);
        long sequence = 0;
        for (var epoch = 0; settings.Infinite || epoch == 0; epoch++)
        {
            var order = Order(epoch);
            for (var position = 0; position < order.Length; position++)
            {
                var index = order[position];
                var bucket = buckets[Bucket(records[index])];
                bucket.Add(new PlannedItem(index, epoch, SeedMixer.Mix(settings.Seed, 1, epoch, position)));
                if (bucket.Count == settings.BatchSize)
                {
                    yield return new PlannedBatch(sequence++, bucket.ToArray());
                    bucket.Clear();
                }
            }
        }
        if (settings.DropLast)
            yield break;
        foreach (var bucket in buckets.Where(b => b.Count > 0))
            yield return new PlannedBatch(sequence++, bucket.ToArray());
    }

    /// <summary>The record indices of one epoch: a permutation from (seed, epoch), or 0..n-1.</summary>
    public int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, records.Count).ToArray();
        if (!settings.Shuffle)
            return order;
        var rng = new Synthetic.SplitMix64(SeedMixer.Mix(settings.Seed, 0, epoch));
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(0, i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private int Bucket(DatasetRecord record) => settings.AspectRatioGrouping && record.Width <= record.Height ? 1 : 0;
}
