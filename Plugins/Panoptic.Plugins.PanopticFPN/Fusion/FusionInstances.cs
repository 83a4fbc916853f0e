using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// The instance fields a fusion reads, on the CPU: masks as a contiguous (R, H, W) bool tensor (owned: an alias when
/// the input already is one), scores and classes as arrays. Dispose to release the mask tensor.
/// </summary>
public sealed class FusionInstances : IDisposable
{
    private FusionInstances(Tensor? masks, double[] scores, long[] classes)
    {
        (Masks, Scores, Classes) = (masks, scores, classes);
    }

    /// <summary>(R, H, W) bool contiguous CPU masks; null when R = 0.</summary>
    public Tensor? Masks { get; }

    /// <summary>(R,) scores, widened to double (float32 scores compare exactly as Python's <c>.item()</c> does).</summary>
    public double[] Scores { get; }

    /// <summary>(R,) contiguous thing indices.</summary>
    public long[] Classes { get; }

    public int Count => Scores.Length;

    /// <summary>Reads <c>scores</c>, <c>pred_classes</c> and <c>pred_masks</c> (a tensor or <see cref="BitMasks"/>).</summary>
    /// <param name="instances">Detections of one image; no fields or R = 0 means none.</param>
    /// <param name="height">H of the semantic labels the masks must match.</param>
    /// <param name="width">W of the semantic labels.</param>
    /// <exception cref="ArgumentException">A field is missing or has the wrong shape (the message names it and the shape expected).</exception>
    public static FusionInstances From(Instances instances, long height, long width)
    {
        if (instances.Count is null or 0)
            return new FusionInstances(null, [], []);
        var count = instances.Count.Value;
        var masks = instances.Has(InstanceFields.PredMasks)
            ? instances.Get<object>(InstanceFields.PredMasks) switch
            {
                Tensor t => t,
                BitMasks b => b.Tensor,
                var other => throw new ArgumentException($"instances field '{InstanceFields.PredMasks}' is a {other.GetType().Name}; expected an (R, H, W) bool tensor or BitMasks", nameof(instances)),
            }
            : throw new ArgumentException($"instances have no '{InstanceFields.PredMasks}' (fields: {string.Join(", ", instances.FieldNames)}); fusion needs masks pasted at the output size", nameof(instances));
        var shape = masks.Shape;
        if (shape.Length != 3 || shape[1] != height || shape[2] != width)
            throw new ArgumentException(
                $"'{InstanceFields.PredMasks}' has shape [{string.Join(", ", shape)}]; the semantic labels need [{count}, {height}, {width}] (pasted (R, H, W) masks, not (R, 1, M, M) probabilities)",
                nameof(instances));
        if (masks.DType.IsFloatingPoint())
            throw new ArgumentException(
                $"'{InstanceFields.PredMasks}' holds {masks.DType.Name()} values; fusion needs bool masks (threshold the pasted probabilities first, e.g. at 0.5)",
                nameof(instances));
        using var scoreTensor = Field(instances, InstanceFields.Scores, count).To(Device.Cpu, DType.Float64);
        using var classTensor = Field(instances, InstanceFields.PredClasses, count).To(Device.Cpu, DType.Int64);
        var (scores, classes) = (scoreTensor.ToArray<double>(), classTensor.ToArray<long>());
        using var cpu = masks.To(Device.Cpu, DType.Bool);
        return new FusionInstances(cpu.Contiguous(), scores, classes);
    }

    /// <summary>The instance order of the rules: descending score, ties in input order (a stable sort), NaN last.</summary>
    public int[] OrderByScore() => Enumerable.Range(0, Count).OrderByDescending(i => Scores[i]).ToArray();

    public void Dispose() => Masks?.Dispose();

    private static Tensor Field(Instances instances, string name, int count)
    {
        if (!instances.Has(name))
            throw new ArgumentException($"instances have no '{name}' (fields: {string.Join(", ", instances.FieldNames)})", nameof(instances));
        var field = instances.Get<Tensor>(name);
        return field.Dim == 1
            ? field
            : throw new ArgumentException($"instances field '{name}' has shape [{string.Join(", ", field.Shape)}]; expected ({count},)", nameof(instances));
    }
}
