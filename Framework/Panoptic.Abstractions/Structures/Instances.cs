namespace Panoptic.Abstractions.Structures;

/// <summary>
/// The instances of one image as named fields of equal length (detectron2 <c>Instances</c>): <c>gt_boxes</c>,
/// <c>pred_masks</c>, … (<see cref="InstanceFields"/>). Values are tensors whose first dimension is the instance
/// count, or structures with a <c>Count</c> (<see cref="Boxes"/>, <see cref="BitMasks"/>, <see cref="PolygonMasks"/>).
/// </summary>
/// <param name="ImageHeight">Height of the image the instances are in.</param>
/// <param name="ImageWidth">Width of the image.</param>
public sealed class Instances(int ImageHeight, int ImageWidth)
{
    private readonly Dictionary<string, object> _fields = new(StringComparer.Ordinal);

    public int ImageHeight { get; } = ImageHeight;

    public int ImageWidth { get; } = ImageWidth;

    /// <summary>Number of instances; null while no field is set.</summary>
    public int? Count { get; private set; }

    public IReadOnlyCollection<string> FieldNames => _fields.Keys;

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>Sets a field; its length must match the fields already set.</summary>
    public Instances Set(string name, object value)
    {
        var length = LengthOf(value);
        if (Count is { } count && length != count)
            throw new ArgumentException($"field '{name}' has {length} entries; these instances have {count}", nameof(value));
        Count = length;
        _fields[name] = value;
        return this;
    }

    /// <summary>A field's value as <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such field (the message lists the fields present).</exception>
    public T Get<T>(string name) =>
        _fields.TryGetValue(name, out var value)
            ? (T)value
            : throw new KeyNotFoundException($"Instances has no field '{name}' (fields: {string.Join(", ", _fields.Keys)})");

    /// <summary>
    /// The same instances with every tensor (plain fields, <see cref="Boxes"/>, <see cref="BitMasks"/>) on
    /// <paramref name="device"/> (detectron2 <c>Instances.to</c>); other fields (polygons, lists) are shared as they are.
    /// </summary>
    public Instances To(Panoptic.Torch.Device device)
    {
        var moved = new Instances(ImageHeight, ImageWidth);
        foreach (var (name, value) in _fields)
        {
            moved.Set(name, value switch
            {
                Panoptic.Torch.Tensor tensor => tensor.Device == device ? tensor : tensor.To(device),
                Boxes boxes => boxes.Tensor.Device == device ? boxes : new Boxes(boxes.Tensor.To(device)),
                BitMasks masks => masks.Tensor.Device == device ? masks : new BitMasks(masks.Tensor.To(device)),
                _ => value,
            });
        }
        return moved;
    }

    private static int LengthOf(object value) => value switch
    {
        Panoptic.Torch.Tensor tensor => (int)tensor.Size(0),
        Boxes boxes => boxes.Count,
        BitMasks masks => masks.Count,
        PolygonMasks polygons => polygons.Count,
        System.Collections.ICollection collection => collection.Count,
        _ => throw new ArgumentException($"unsupported field type {value.GetType().Name}", nameof(value)),
    };
}

/// <summary>Field names shared by components (detectron2's spelling).</summary>
public static class InstanceFields
{
    /// <summary><see cref="Boxes"/>, ground truth.</summary>
    public const string GtBoxes = "gt_boxes";

    /// <summary>(R,) int64 contiguous class indices.</summary>
    public const string GtClasses = "gt_classes";

    /// <summary><see cref="BitMasks"/> or <see cref="PolygonMasks"/>.</summary>
    public const string GtMasks = "gt_masks";

    /// <summary><see cref="Boxes"/> from the proposal generator.</summary>
    public const string ProposalBoxes = "proposal_boxes";

    /// <summary>(R,) float32 objectness logits of proposals.</summary>
    public const string ObjectnessLogits = "objectness_logits";

    /// <summary><see cref="Boxes"/>, predicted.</summary>
    public const string PredBoxes = "pred_boxes";

    /// <summary>(R,) float32 detection scores.</summary>
    public const string Scores = "scores";

    /// <summary>(R,) int64 predicted class indices.</summary>
    public const string PredClasses = "pred_classes";

    /// <summary>(R, 1, M, M) float32 mask probabilities before pasting, or (R, H, W) bool after.</summary>
    public const string PredMasks = "pred_masks";
}
