using Xunit;

namespace Panoptic.Core.Tests.Support;

/// <summary>Tests that read process-wide counters (<c>Tensor.LiveCount</c>): they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NonParallelCollection
{
    public const string Name = "non-parallel";
}
