using Panoptic.Torch;
using Panoptic.Torch.Distributed;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Engine.Distributed;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Averages the gradients of the trainable parameters across the ranks after backward (torch DDP's reducer, without
/// the overlap with backward): parameters in registration order are packed into buckets of about
/// <see cref="DefaultBucketBytes"/> (DDP's <c>bucket_cap_mb=25</c>), and each bucket goes out as one flat all-reduce.
/// A parameter without a gradient on a rank counts as zero there; one without a gradient on every rank keeps none
/// (as one process would leave it), so the optimizer skips it on every rank alike.
/// </summary>
public sealed class GradientBuckets
{
    public const long DefaultBucketBytes = 25L * 1024 * 1024;

    private readonly ProcessGroup _group;
    private readonly IReadOnlyList<IReadOnlyList<Parameter>> _buckets;

    public GradientBuckets(ProcessGroup group, IEnumerable<Parameter> parameters, long bucketBytes = DefaultBucketBytes)
    {
        _group = group;
        var buckets = new List<IReadOnlyList<Parameter>>();
        var current = new List<Parameter>();
        long bytes = 0;
        foreach (var p in parameters.Where(p => p.RequiresGrad).Distinct())
        {
            var size = p.Numel * p.DType.ElementSize();
            if (current.Count > 0 && bytes + size > bucketBytes)
            {
                buckets.Add(current);
                current = [];
                bytes = 0;
            }
            current.Add(p);
            bytes += size;
        }
        if (current.Count > 0)
            buckets.Add(current);
        _buckets = buckets;
    }

    /// <summary>Parameters per bucket, in reduction order.</summary>
    public IReadOnlyList<IReadOnlyList<Parameter>> Buckets => _buckets;

    /// <summary>Replaces every rank's gradients with their average over the ranks.</summary>
    public void AllReduce()
    {
        foreach (var bucket in _buckets)
        {
            using var scope = Torch.NewDisposeScope();
            var grads = new List<Tensor>(bucket.Count + 1);
            var present = new float[bucket.Count];
            for (var i = 0; i < bucket.Count; i++)
            {
                var grad = bucket[i].Grad;
                if (grad is null)
                {
                    bucket[i].Grad = Torch.ZerosLike(bucket[i]);
                    grad = bucket[i].Grad!;
                }
                else
                {
                    present[i] = 1;
                }
                grads.Add(grad);
            }
            var flags = Torch.From(present, present.Length);
            _group.AllReduce([.. grads, flags], ReduceOp.Avg);
            var anywhere = flags.ToArray<float>();
            for (var i = 0; i < bucket.Count; i++)
            {
                if (anywhere[i] == 0)
                    bucket[i].Grad = null;
            }
        }
    }
}
