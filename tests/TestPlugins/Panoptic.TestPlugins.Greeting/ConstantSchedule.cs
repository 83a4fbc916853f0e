using System.ComponentModel.DataAnnotations;
using Newtonsoft.Json;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.TestPlugins.Greeting;

/// <summary>Options of <see cref="ConstantSchedule"/>.</summary>
public sealed record ConstantScheduleOptions : ComponentOptions
{
    /// <summary>The factor returned at every iteration.</summary>
    [Range(0.0, 10.0)]
    public double Factor { get; init; } = 1.0;
}

/// <summary>A learning-rate schedule that returns the same factor at every iteration (a test component).</summary>
[Component("Constant", Description = "Same factor at every iteration.")]
public sealed class ConstantSchedule : ILRSchedule
{
    /// <summary>Explicit constructor: build it by hand.</summary>
    public ConstantSchedule(double factor, int maxIterations)
    {
        Value = factor;
        MaxIterations = maxIterations;
        Json = JsonConvert.SerializeObject(new { factor, maxIterations });
    }

    /// <summary>Options constructor: what the registry calls.</summary>
    public ConstantSchedule(ConstantScheduleOptions options, LRScheduleContext context)
        : this(options.Factor, context.MaxIterations)
    {
    }

    public double Value { get; }

    public int MaxIterations { get; }

    /// <summary>Written with the plugin's own Newtonsoft.Json.</summary>
    public string Json { get; }

    public double Factor(int iteration) => Value;
}
