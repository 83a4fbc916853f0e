using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Tests.Engine.Support;

/// <summary>A schedule given as a function (the real ones are in the Engine plugin and tested there).</summary>
internal sealed class FactorSchedule(Func<int, double> factor) : ILRSchedule
{
    /// <summary>Halves the factor every 4 iterations.</summary>
    public static FactorSchedule Halving { get; } = new(i => Math.Pow(0.5, i / 4));

    public double Factor(int iteration) => factor(iteration);
}
