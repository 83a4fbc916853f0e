using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Config.Sections;

/// <summary><c>solver:</c> optimisation and schedule (detectron2 <c>SOLVER</c>; defaults are detectron2's <c>defaults.py</c>).</summary>
[ConfigSection("solver")]
public sealed record SolverSection : ConfigOptions
{
    /// <summary>Images per iteration (one optimizer step) across all workers, gradient-accumulation micro-batches included.</summary>
    [Range(1, 65536)]
    public int ImsPerBatch { get; init; } = 16;

    /// <summary>
    /// Micro-batches an iteration is split into: each of <see cref="ImsPerBatch"/> / this images is forwarded and
    /// back-propagated with its losses divided by this count, then one optimizer step is taken (mmengine
    /// <c>accumulative_counts</c>, with the batch size counted per step). Must divide <see cref="ImsPerBatch"/>.
    /// </summary>
    [Range(1, 1024)]
    public int GradAccumulationSteps { get; init; } = 1;

    /// <summary>The update rule: <c>SGD</c> (momentum, Nesterov, L2 decay) or <c>AdamW</c> (decoupled decay).</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.SGD;

    /// <summary>AdamW's (beta1, beta2).</summary>
    [Length(2, 2)]
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public IReadOnlyList<double> Betas { get; init; } = [0.9, 0.999];

    /// <summary>AdamW's denominator epsilon.</summary>
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double Eps { get; init; } = 1e-8;

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

    /// <summary>Weight decay of normalisation-layer parameters (BatchNorm, GroupNorm, any module whose class name ends in <c>Norm</c>/<c>Norm1d..3d</c>).</summary>
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

    /// <summary>Length of the warm-up in iterations (one longer than <see cref="MaxIter"/> warms up all run long).</summary>
    [Range(0, int.MaxValue)]
    public int WarmupIters { get; init; } = 1000;

    public WarmupMethod WarmupMethod { get; init; } = WarmupMethod.Linear;

    /// <summary>A schedule component; null means warm-up then multi-step decay from the keys above (detectron2 <c>WarmupMultiStepLR</c>).</summary>
    public ComponentSpec<ILRSchedule>? LrSchedule { get; init; }

    /// <summary>Save a checkpoint every this many iterations.</summary>
    [Range(1, int.MaxValue)]
    public int CheckpointPeriod { get; init; } = 5000;

    /// <summary>Periodic checkpoints kept (the newest); older ones are deleted. 0 keeps all. <c>model_final</c> and <c>model_best</c> are never deleted.</summary>
    [Range(0, 100000)]
    public int CheckpointMaxToKeep { get; init; } = 3;

    /// <summary>
    /// World size <see cref="ImsPerBatch"/> and <see cref="BaseLr"/> were tuned for (detectron2
    /// <c>REFERENCE_WORLD_SIZE</c>, <c>auto_scale_workers</c>): with another world size, the batch and learning rate
    /// scale with it and iteration counts (max_iter, steps, warm-up, checkpoint and eval periods) inversely. 0 disables it.
    /// </summary>
    [Range(0, 4096)]
    public int ReferenceWorldSize { get; init; }

    /// <summary>
    /// Batch size <see cref="BaseLr"/> was tuned for (mmdet <c>auto_scale_lr.base_batch_size</c>): the learning rate is
    /// multiplied by <see cref="ImsPerBatch"/> / this (linear scaling rule). 0 disables it.
    /// </summary>
    [Range(0, 65536)]
    public int ReferenceBatchSize { get; init; }

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
        if (ImsPerBatch % GradAccumulationSteps != 0)
            yield return new OptionsViolation("grad_accumulation_steps",
                $"grad_accumulation_steps {GradAccumulationSteps} does not divide ims_per_batch {ImsPerBatch}; use a divisor of {ImsPerBatch}");
        if (ReferenceWorldSize > 0 && ReferenceBatchSize > 0)
            yield return new OptionsViolation("reference_batch_size",
                "set reference_world_size (detectron2 scaling) or reference_batch_size (linear scaling by batch size), not both");
        if (Nesterov && Optimizer == OptimizerKind.SGD && Momentum == 0)
            yield return new OptionsViolation("nesterov", "Nesterov momentum needs momentum > 0; set momentum (e.g. 0.9) or nesterov: false");
    }
}

/// <summary>The optimizer of <c>solver.optimizer</c>.</summary>
public enum OptimizerKind
{
    /// <summary>torch.optim.SGD: momentum, dampening 0, optional Nesterov, L2 weight decay.</summary>
    SGD,

    /// <summary>torch.optim.AdamW: betas, eps, decoupled weight decay.</summary>
    AdamW,
}

/// <summary>How gradients are clipped (detectron2 <c>SOLVER.CLIP_GRADIENTS.CLIP_TYPE</c>).</summary>
public enum ClipType
{
    /// <summary>Every gradient element is clamped to ±<c>clip_value</c>.</summary>
    Value,

    /// <summary>Each parameter's gradient is scaled to a <c>norm_type</c>-norm of at most <c>clip_value</c> (per parameter, as detectron2).</summary>
    Norm,

    /// <summary>All gradients together are scaled to a joint norm of at most <c>clip_value</c> (detectron2 projects' <c>full_model</c>, torch <c>clip_grad_norm_</c>).</summary>
    FullModel,
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

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (Enabled)
            yield return new OptionsViolation("enabled", "mixed-precision training is not implemented yet; use false");
    }
}
