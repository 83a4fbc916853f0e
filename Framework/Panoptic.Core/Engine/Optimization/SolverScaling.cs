using Panoptic.Core.Config.Sections;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>The solver and test sections a run actually uses, and the line that says how they were scaled (null when not).</summary>
public sealed record ScaledSolver(SolverSection Solver, TestSection Test, string? Note);

/// <summary>
/// Scales the recipe to the batch actually used. <c>solver.reference_world_size</c> (detectron2
/// <c>DefaultTrainer.auto_scale_workers</c>): with world size W and reference R, factor W/R multiplies
/// <c>ims_per_batch</c> and <c>base_lr</c> (and <c>base_lr_end</c>) and divides <c>max_iter</c>, <c>steps</c>,
/// <c>warmup_iters</c>, <c>checkpoint_period</c> and <c>test.eval_period</c>, rounding half to even as Python does.
/// <c>solver.reference_batch_size</c> (mmdet <c>auto_scale_lr</c>): <c>base_lr</c> × ims_per_batch / reference.
/// </summary>
public static class SolverScaling
{
    /// <param name="solver">The configured solver.</param>
    /// <param name="test">The test section (its eval period scales with the iterations).</param>
    /// <param name="worldSize">Processes training together (1 until distributed training lands).</param>
    /// <exception cref="ArgumentException">The scaled batch cannot be split into the configured micro-batches.</exception>
    public static ScaledSolver Apply(SolverSection solver, TestSection test, int worldSize = 1)
    {
        if (solver.ReferenceBatchSize > 0)
        {
            var ratio = (double)solver.ImsPerBatch / solver.ReferenceBatchSize;
            if (ratio == 1)
                return new ScaledSolver(solver, test, null);
            var lr = solver with { BaseLr = solver.BaseLr * ratio, BaseLrEnd = solver.BaseLrEnd * ratio };
            return new ScaledSolver(lr, test,
                $"learning rate scaled by batch size: base_lr {solver.BaseLr:G6} × {solver.ImsPerBatch}/{solver.ReferenceBatchSize} (reference_batch_size) = {lr.BaseLr:G6}");
        }
        if (solver.ReferenceWorldSize == 0 || solver.ReferenceWorldSize == worldSize)
            return new ScaledSolver(solver, test, null);
        var scale = (double)worldSize / solver.ReferenceWorldSize;
        if (solver.ImsPerBatch % solver.ReferenceWorldSize != 0)
            throw new ArgumentException($"solver.ims_per_batch {solver.ImsPerBatch} is not divisible by solver.reference_world_size {solver.ReferenceWorldSize}");
        var scaled = solver with
        {
            ImsPerBatch = (int)Math.Round(solver.ImsPerBatch * scale),
            BaseLr = solver.BaseLr * scale,
            BaseLrEnd = solver.BaseLrEnd * scale,
            MaxIter = Iterations(solver.MaxIter, scale),
            WarmupIters = (int)Math.Round(solver.WarmupIters / scale),
            Steps = solver.Steps.Select(s => (int)Math.Round(s / scale)).ToList(),
            CheckpointPeriod = Iterations(solver.CheckpointPeriod, scale),
            ReferenceWorldSize = worldSize,
        };
        if (scaled.ImsPerBatch % scaled.GradAccumulationSteps != 0)
            throw new ArgumentException($"the scaled solver.ims_per_batch {scaled.ImsPerBatch} is not divisible by solver.grad_accumulation_steps {scaled.GradAccumulationSteps}");
        var scaledTest = test with { EvalPeriod = (int)Math.Round(test.EvalPeriod / scale) };
        return new ScaledSolver(scaled, scaledTest,
            $"auto-scaled from reference world size {solver.ReferenceWorldSize} to {worldSize}: ims_per_batch {solver.ImsPerBatch} → {scaled.ImsPerBatch}, " +
            $"base_lr {solver.BaseLr:G6} → {scaled.BaseLr:G6}, max_iter {solver.MaxIter} → {scaled.MaxIter}, steps [{string.Join(", ", solver.Steps)}] → [{string.Join(", ", scaled.Steps)}], " +
            $"warmup_iters {solver.WarmupIters} → {scaled.WarmupIters}, checkpoint_period {solver.CheckpointPeriod} → {scaled.CheckpointPeriod}, eval_period {test.EvalPeriod} → {scaledTest.EvalPeriod}");
    }

    /// <summary>A count of iterations divided by the scale, at least 1.</summary>
    private static int Iterations(int value, double scale) => Math.Max(1, (int)Math.Round(value / scale));
}
