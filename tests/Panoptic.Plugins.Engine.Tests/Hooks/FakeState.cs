using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Tests.Hooks;

/// <summary>A training state a test drives by hand.</summary>
internal sealed class FakeState : ITrainingState
{
    public int Iteration { get; set; }

    public int MaxIterations { get; set; } = 100;

    public IReadOnlyDictionary<string, double> Scalars { get; set; } = new Dictionary<string, double>();

    public string? StopReason { get; private set; }

    public void RequestStop(string reason) => StopReason ??= reason;
}
