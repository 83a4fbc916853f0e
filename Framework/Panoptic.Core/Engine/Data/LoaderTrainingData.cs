using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Loading;

namespace Panoptic.Core.Engine.Data;

/// <summary>The config's training <see cref="DataLoader"/> (infinite, seeded) as the trainer's <see cref="ITrainingData"/>.</summary>
public sealed class LoaderTrainingData : ITrainingData
{
    private readonly DataLoader _loader;

    /// <exception cref="ArgumentException">The loader stops after one pass (training needs an endless one).</exception>
    public LoaderTrainingData(DataLoader loader)
    {
        if (!loader.Settings.Infinite)
            throw new ArgumentException("the training loader must be infinite (LoaderSettings.Infinite)", nameof(loader));
        _loader = loader;
    }

    public int BatchSize => _loader.Settings.DeliveredBatchSize;

    public ulong Seed => _loader.Settings.Seed;

    public IEnumerable<DataBatch> Batches(long firstSequence) => _loader.Batches(firstSequence);
}
