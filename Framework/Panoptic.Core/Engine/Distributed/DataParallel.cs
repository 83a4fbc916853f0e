using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// The trainer's data-parallel steps for one run (what torch's <c>DistributedDataParallel</c> wrapper does, made
/// explicit): rank 0's weights broadcast at start, gradients averaged in buckets after backward, losses averaged for
/// logging, stop decisions and evaluation metrics shared. <see cref="TrainingSession"/> calls it at those points.
/// </summary>
internal sealed class DataParallel
{
    private readonly DistributedContext _context;
    private readonly GradientBuckets _gradients;
    private readonly StepAgreement _agreement;
    private readonly EvaluationRelay _evaluations;

    public DataParallel(DistributedContext context, IEnumerable<ParamGroup> groups)
    {
        _context = context;
        _gradients = new GradientBuckets(context.Group, groups.SelectMany(g => g.Parameters));
        _agreement = new StepAgreement(context.Group);
        _evaluations = new EvaluationRelay(context.Group.Store);
    }

    public bool IsMain => _context.IsMain;

    public int Rank => _context.Rank;

    public int WorldSize => _context.WorldSize;

    public int Buckets => _gradients.Buckets.Count;

    /// <summary>A path to rank 0's checkpoint on this rank (a temporary copy on the others).</summary>
    public string ReceiveCheckpoint(string path) => CheckpointShare.Receive(_context.Group, path);

    public void ReleaseCheckpoint(string local, string original) => CheckpointShare.Release(_context.Group, local, original);

    /// <summary>Every rank starts from rank 0's parameters and buffers.</summary>
    public void BroadcastModel(Module model) => ModelBroadcast.FromRankZero(_context.Group, model);

    public void AverageGradients() => _gradients.AllReduce();

    public IReadOnlyList<KeyValuePair<string, double>> AverageLosses(IReadOnlyList<KeyValuePair<string, double>> losses) => _agreement.Average(losses);

    public bool AnyStops(bool stopHere) => _agreement.AnyStops(stopHere);

    /// <summary>Rank 0 runs <paramref name="evaluate"/> and publishes its metrics; the others wait for them.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(int iteration, Func<IReadOnlyDictionary<string, double>> evaluate)
    {
        if (!IsMain)
            return _evaluations.Receive(iteration);
        var metrics = evaluate();
        _evaluations.Publish(iteration, metrics);
        return metrics;
    }
}
