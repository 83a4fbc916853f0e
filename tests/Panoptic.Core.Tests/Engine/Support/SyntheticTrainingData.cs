using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Engine.Data;
using Panoptic.Torch;

namespace Panoptic.Core.Tests.Engine.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Endless batches of 3×4×4 normal images: image k of the stream is drawn from its own generator seeded with
/// (seed, k), and batch s holds images s·B … s·B + B − 1, so one batch of 2 and two batches of 1 hold the same images.
/// </summary>
internal sealed class SyntheticTrainingData(int batchSize, ulong seed = 7) : ITrainingData
{
    public int BatchSize { get; } = batchSize;

    public ulong Seed { get; } = seed;

    /// <summary>Batches handed out so far (all enumerations together).</summary>
    public int Delivered { get; private set; }

    public IEnumerable<DataBatch> Batches(long firstSequence)
    {
        for (var sequence = firstSequence; ; sequence++)
        {
            Delivered++;
            yield return Batch(sequence);
        }
    }

    private DataBatch Batch(long sequence)
    {
        var images = new List<Tensor>();
        for (var j = 0; j < BatchSize; j++)
        {
            using var generator = new Generator(Seed * 1_000_003 + (ulong)(sequence * BatchSize + j));
            images.Add(Torch.Randn([3, 4, 4], generator: generator));
        }
        var stacked = Torch.Stack(images).DetachFromDisposeScope();
        foreach (var image in images)
            image.Dispose();
        var inputs = Enumerable.Range(0, BatchSize).Select(j => new ModelInput(stacked.Select(0, j).DetachFromDisposeScope(), 4, 4)).ToList();
        return new DataBatch(new ImageList(stacked, inputs.Select(_ => (4, 4)).ToList()), inputs, null);
    }
}
