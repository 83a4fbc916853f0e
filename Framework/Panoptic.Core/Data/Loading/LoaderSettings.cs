namespace Panoptic.Core.Data.Loading;

/// <summary>How a <see cref="DataLoader"/> orders, groups, batches and prefetches (detectron2 <c>DATALOADER</c> + sampler).</summary>
public sealed record LoaderSettings
{
    /// <summary>Images per batch.</summary>
    public int BatchSize { get; init; } = 2;

    /// <summary>Threads that decode, transform and collate; 0 does it on the caller's thread when it asks for a batch.</summary>
    public int NumWorkers { get; init; }

    /// <summary>Root seed of the order and of every image's transform generator.</summary>
    public ulong Seed { get; init; }

    /// <summary>A new permutation every epoch (training); false keeps file order (evaluation).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Batch landscape (w &gt; h) and portrait images apart (detectron2 <c>AspectRatioGroupedDataset</c>).</summary>
    public bool AspectRatioGrouping { get; init; } = true;

    /// <summary>Run epoch after epoch without end (training); false stops after one pass.</summary>
    public bool Infinite { get; init; } = true;

    /// <summary>On a finite pass, drop the last batch(es) when not full.</summary>
    public bool DropLast { get; init; }

    /// <summary>Padded batch height and width are multiples of this (32 for FPN's strides up to 32).</summary>
    public int SizeDivisibility { get; init; } = 32;

    /// <summary>Most batches built (or being built) ahead of the consumer: bounds the loader's memory.</summary>
    public int PrefetchBatches { get; init; } = 4;

    /// <summary>Fill value of padded semantic targets.</summary>
    public int IgnoreLabel { get; init; } = 255;

    /// <summary>
    /// Data parallelism: this rank's slice of each batch (<see cref="BatchSize"/> is then the global batch; each
    /// delivered batch holds <see cref="BatchSize"/> / <see cref="LoaderShard.Count"/> images). Null: whole batches.
    /// </summary>
    public LoaderShard? Shard { get; init; }

    /// <summary>Images per delivered batch: <see cref="BatchSize"/>, or this rank's share of it.</summary>
    public int DeliveredBatchSize => Shard is { } shard ? BatchSize / shard.Count : BatchSize;

    /// <exception cref="ArgumentOutOfRangeException">A count out of range.</exception>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch size must be at least 1");
        if (NumWorkers < 0) throw new ArgumentOutOfRangeException(nameof(NumWorkers), NumWorkers, "workers must be 0 or more");
        if (SizeDivisibility < 1) throw new ArgumentOutOfRangeException(nameof(SizeDivisibility), SizeDivisibility, "size divisibility must be at least 1");
        if (PrefetchBatches < 1) throw new ArgumentOutOfRangeException(nameof(PrefetchBatches), PrefetchBatches, "prefetch must be at least 1 batch");
        Shard?.Validate(BatchSize);
    }
}
