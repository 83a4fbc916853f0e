namespace Panoptic.Abstractions.Engine;

/// <summary>How the learning rate ramps up during warm-up (detectron2 <c>SOLVER.WARMUP_METHOD</c>).</summary>
public enum WarmupMethod
{
    /// <summary>Factor goes linearly from the warm-up factor to 1.</summary>
    Linear,

    /// <summary>Factor stays at the warm-up factor.</summary>
    Constant,
}
