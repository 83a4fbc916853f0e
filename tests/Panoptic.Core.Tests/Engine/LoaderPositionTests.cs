using FluentAssertions;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Data;
using Panoptic.Core.Tests.Data.Loading;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

/// <summary>A resumed run reads the training stream from a batch number: the same batches as reading it from the start.</summary>
public sealed class LoaderPositionTests(SyntheticSet set) : IClassFixture<SyntheticSet>
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Batches_from_a_sequence_number_are_the_uninterrupted_streams_tail(int workers)
    {
        var settings = new LoaderSettings { Seed = 4, BatchSize = 2, NumWorkers = workers, PrefetchBatches = 2 };
        var whole = DataLoaderTests.Take(DataLoaderTests.Loader(set, settings), 8);

        var data = new LoaderTrainingData(DataLoaderTests.Loader(set, settings));
        var tail = new List<string>();
        foreach (var batch in data.Batches(5).Take(3))
        {
            using (batch)
                tail.Add(DataLoaderTests.Fingerprint(batch));
        }

        tail.Should().Equal(whole.Skip(5));
        data.Seed.Should().Be(4);
        data.BatchSize.Should().Be(2);
    }
}
