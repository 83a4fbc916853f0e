using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Mapping;

namespace Panoptic.Core.Data.Loading;

/// <summary>
/// Batches of mapped images (detectron2 <c>build_detection_train_loader</c> / <c>_test_loader</c>): the order comes
/// from <see cref="BatchPlanner"/>, every image is mapped with its own generator seeded from (seed, epoch,
/// position), and batches are padded into an <see cref="Abstractions.Structures.ImageList"/>
/// (<see cref="BatchCollator"/>). With workers, batches are built ahead on background threads (at most
/// <see cref="LoaderSettings.PrefetchBatches"/> at a time) and delivered in plan order, so the batches are the same
/// for a seed whatever the number of workers. Every batch is owned by the caller: dispose it after use.
/// </summary>
public sealed class DataLoader
{
    private readonly IReadOnlyList<DatasetRecord> _records;
    private readonly DatasetMapper _mapper;

    /// <exception cref="ArgumentOutOfRangeException">Invalid settings.</exception>
    public DataLoader(IReadOnlyList<DatasetRecord> records, DatasetMapper mapper, LoaderSettings settings)
    {
        settings.Validate();
        _records = records;
        _mapper = mapper;
        Settings = settings;
    }

    public LoaderSettings Settings { get; }

    /// <summary>The records loaded from.</summary>
    public IReadOnlyList<DatasetRecord> Records => _records;

    /// <summary>
    /// The batches, from the first; each enumeration starts over. Stop early by disposing the enumerator (a
    /// <c>foreach</c> does): the workers stop and unconsumed batches are freed.
    /// </summary>
    /// <exception cref="DatasetDataException">An image or annotation file cannot be used (raised when its batch is reached).</exception>
    public IEnumerable<DataBatch> Batches() => Batches(0);

    /// <summary>
    /// The batches from the one with sequence number <paramref name="firstSequence"/> on (what a resumed run continues
    /// with): the plan before it is walked (no image is read), so the batches are exactly those an uninterrupted
    /// enumeration delivers from that point.
    /// </summary>
    /// <exception cref="DatasetDataException">An image or annotation file cannot be used (raised when its batch is reached).</exception>
    public IEnumerable<DataBatch> Batches(long firstSequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstSequence);
        // Renumbered from 0 so the prefetcher hands batches out in order; each image keeps its planned seed.
        var plan = new BatchPlanner(_records, Settings).Plan()
            .SkipWhile(batch => batch.Sequence < firstSequence)
            .Select(batch => batch with { Sequence = batch.Sequence - firstSequence })
            .Select(batch => Settings.Shard is { } shard ? shard.Take(batch, Settings.BatchSize) : batch);
        if (Settings.NumWorkers == 0)
        {
            foreach (var batch in plan)
                yield return Build(batch);
            yield break;
        }
        using var prefetcher = new BatchPrefetcher(plan, Build, Settings.NumWorkers, Settings.PrefetchBatches);
        while (prefetcher.TryTake(out var batch))
            yield return batch;
    }

    /// <summary>Maps and collates one planned batch (on the calling thread).</summary>
    public DataBatch Build(PlannedBatch plan)
    {
        var examples = new List<MappedExample>(plan.Items.Count);
        try
        {
            foreach (var item in plan.Items)
                examples.Add(_mapper.Map(_records[item.Index], new Random(SeedMixer.ToRandomSeed(item.Seed))));
            return BatchCollator.Collate(examples, Settings.SizeDivisibility, Settings.IgnoreLabel);
        }
        catch
        {
            foreach (var example in examples)
                example.Dispose();
            throw;
        }
    }
}
