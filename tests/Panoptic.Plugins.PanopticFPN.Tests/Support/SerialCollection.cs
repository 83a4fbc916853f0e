namespace Panoptic.Plugins.PanopticFPN.Tests.Support;

/// <summary>Tests that read process-wide state (<c>Tensor.LiveCount</c>) join this collection: xunit runs it alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial";
}
