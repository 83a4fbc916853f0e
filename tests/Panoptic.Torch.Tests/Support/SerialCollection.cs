namespace Panoptic.Torch.Tests.Support;

/// <summary>
/// Tests that touch process-wide state (<see cref="Tensor.LiveCount"/>, the global random generator, thread settings)
/// join this collection: xunit runs it alone, after the parallel collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
