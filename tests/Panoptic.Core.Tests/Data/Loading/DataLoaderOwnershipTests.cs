using FluentAssertions;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Tests.Support;
using Panoptic.Torch;
using Xunit;

namespace Panoptic.Core.Tests.Data.Loading;

[Collection(NonParallelCollection.Name)]
public sealed class DataLoaderOwnershipTests(SyntheticSet set) : IClassFixture<SyntheticSet>
{
    [Fact]
    public void Batches_built_on_worker_threads_are_owned_by_the_consumer_and_nothing_leaks()
    {
        var loader = DataLoaderTests.Loader(set, new LoaderSettings { BatchSize = 2, NumWorkers = 2, PrefetchBatches = 3 });
        DataLoaderTests.Take(loader, 1);
        var before = Tensor.LiveCount;

        using (var scope = Torch.Torch.NewDisposeScope())
        {
            foreach (var batch in loader.Batches().Take(6))
            {
                scope.DisposeEverything();
                batch.Dispose();
            }
        }

        Tensor.LiveCount.Should().Be(before, "stopping early frees the prefetched batches, and every batch frees its tensors");
    }
}
