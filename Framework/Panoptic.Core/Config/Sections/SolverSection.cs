using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Config.Sections;

/// <summary><c>solver:</c> optimisation and schedule (detectron2 <c>SOLVER</c>; defaults are detectron2's <c>defaults.py</c>).</summary>
[ConfigSection("solver")]
public sealed record SolverSection : ConfigOptions
{
    /// <summary>Images per iteration across all workers.</summary>
    [Range(1, 65536)]
    public int ImsPerBatch { get; init; } = 16;

    /// <summary>Learning rate after warm-up, for <see cref="ImsPerBatch"/> images.</summary>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double BaseLr { get; init; } = 0.001;

    /// <summary>Learning rate a cosine schedule ends at.</summary>
    [Range(0.0, 10.0)]
    public double BaseLrEnd { get; init; }

    /// <summary>SGD momentum.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; init; } = 0.9;

    public bool Nesterov { get; init; }

    /// <summary>L2 weight decay of weights.</summary>
    [Range(0.0, 1.0)]
    public double WeightDecay { get; init; } = 0.0001;

    /// <summary>Weight decay of normalisation-layer parameters.</summary>
    [Range(0.0, 1.0)]
    public double WeightDecayNorm { get; init; }

    /// <summary>Weight decay of biases; null means <see cref="WeightDecay"/>.</summary>
    [Range(0.0, 1.0)]
    public double? WeightDecayBias { get; init; }

    /// <summary>Learning-rate multiplier of biases.</summary>
    [Range(0.0, 100.0)]
    public double BiasLrFactor { get; init; } = 1.0;

    /// <summary>Training length in iterations.</summary>
    [Range(1, int.MaxValue)]
    public int MaxIter { get; init; } = 40000;

    /// <summary>Iterations at which the learning rate is multiplied by <see cref="Gamma"/>; increasing, below <see cref="MaxIter"/>.</summary>
    [Range(1, int.MaxValue)]
    public IReadOnlyList<int> Steps { get; init; } = [30000];

    /// <summary>Decay factor at each step.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double Gamma { get; init; } = 0.1;

    /// <summary>Learning-rate factor at iteration 0.</summary>
    [Range(0.0, 1.0)]
    public double WarmupFactor { get; init; } = 1.0 / 1000;

    [Range(0, int.MaxValue)]
    public int WarmupIters { get; init; } = 1000;

    public WarmupMethod WarmupMethod { get; init; } = WarmupMethod.Linear;

    /// <summary>A schedule component; null means warm-up then multi-step decay from the keys above (detectron2 <c>WarmupMultiStepLR</c>).</summary>
    public ComponentSpec<ILRSchedule>? LrSchedule { get; init; }

    /// <summary>Save a checkpoint every this many iterations.</summary>
    [Range(1, int.MaxValue)]
    public int CheckpointPeriod { get; init; } = 5000;

    /// <summary>World size <see cref="ImsPerBatch"/> and <see cref="BaseLr"/> were tuned for; 0 disables rescaling.</summary>
    [Range(0, 4096)]
    public int ReferenceWorldSize { get; init; }

    public ClipGradientsOptions ClipGradients { get; init; } = new();

    /// <summary>Mixed-precision training.</summary>
    public AmpOptions Amp { get; init; } = new();

    public override IEnumerable<OptionsViolation> Validate()
    {
        for (var i = 1; i < Steps.Count; i++)
        {
            if (Steps[i] <= Steps[i - 1])
                yield return new OptionsViolation("steps", $"steps must increase: {Steps[i - 1]} then {Steps[i]}");
        }
        if (Steps.Count > 0 && Steps[^1] >= MaxIter)
            yield return new OptionsViolation("steps", $"the last step {Steps[^1]} is not below max_iter {MaxIter}, so it never applies");
    }
}

/// <summary>How gradients are clipped (detectron2 <c>SOLVER.CLIP_GRADIENTS</c>).</summary>
public enum ClipType
{
    Value,
    Norm,
}

/// <summary><c>solver.clip_gradients</c>.</summary>
public sealed record ClipGradientsOptions : ConfigOptions
{
    public bool Enabled { get; init; }

    public ClipType ClipType { get; init; } = ClipType.Value;

    /// <summary>Maximum value (or norm) of gradients.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double ClipValue { get; init; } = 1.0;

    /// <summary>p of the p-norm for <c>clip_type: norm</c>.</summary>
    [Range(0.0, double.PositiveInfinity, MinimumIsExclusive = true)]
    public double NormType { get; init; } = 2.0;
}

/// <summary><c>solver.amp</c>.</summary>
public sealed record AmpOptions : ConfigOptions
{
    public bool Enabled { get; init; }
}
