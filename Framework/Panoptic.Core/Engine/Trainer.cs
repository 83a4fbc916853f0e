namespace Panoptic.Core.Engine;

/// <summary>
/// The training loop (detectron2 <c>TrainerBase</c> + <c>SimpleTrainer</c> + the default hooks of
/// <c>DefaultTrainer</c>): per iteration, set the scheduled learning rate, forward/backward the micro-batches with a
/// NaN/Inf guard, clip, step the optimizer; then evaluate (every <c>test.eval_period</c> and at the end, keeping
/// <c>model_best</c> by <c>test.best_metric</c>), log (every <c>runtime.log_period</c> and at the end: console,
/// <c>metrics.jsonl</c>, TensorBoard), checkpoint (every <c>solver.checkpoint_period</c>, <c>model_final</c> at the end,
/// and wherever a hook or Ctrl+C stops the run), and call the hooks. A resumed run continues bit for bit on the CPU.
/// </summary>
public sealed class Trainer
{
    private readonly TrainerSetup _setup;

    /// <exception cref="ArgumentException">The data's batch size is not <c>ims_per_batch / grad_accumulation_steps</c> (/ world size).</exception>
    public Trainer(TrainerSetup setup)
    {
        _ = setup.Architecture;
        var world = setup.Distributed?.WorldSize ?? 1;
        var split = setup.Solver.GradAccumulationSteps * world;
        if (setup.Solver.ImsPerBatch % split != 0)
        {
            throw new ArgumentException(
                $"solver.ims_per_batch {setup.Solver.ImsPerBatch} cannot be split into grad_accumulation_steps {setup.Solver.GradAccumulationSteps} × world size {world} equal micro-batches",
                nameof(setup));
        }
        var micro = setup.Solver.ImsPerBatch / split;
        if (setup.Data.BatchSize != micro)
        {
            throw new ArgumentException(
                $"the training data delivers {setup.Data.BatchSize} images per batch; solver.ims_per_batch {setup.Solver.ImsPerBatch} / grad_accumulation_steps {setup.Solver.GradAccumulationSteps}" +
                (world > 1 ? $" / world size {world}" : "") + $" needs {micro}",
                nameof(setup));
        }
        _setup = setup;
    }

    public TrainerSetup Setup => _setup;

    /// <summary>Trains from <paramref name="start"/> to <c>solver.max_iter</c>, a hook's stop request or <paramref name="cancellation"/>.</summary>
    /// <exception cref="TrainingDivergedException">A loss became NaN or infinite.</exception>
    /// <exception cref="Checkpointing.CheckpointException">The checkpoint to resume from does not fit this run.</exception>
    public TrainingResult Run(TrainingStart start, CancellationToken cancellation = default)
    {
        using var session = new TrainingSession(_setup);
        return session.Run(start, cancellation);
    }
}
