namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>A COCO panoptic JSON file: annotations (one per image) and, for ground truth, categories.</summary>
public sealed record PanopticDataset(IReadOnlyList<PanopticAnnotation> Annotations, IReadOnlyList<PanopticCategory> Categories, string Source)
{
    /// <summary>Reads a COCO panoptic JSON file.</summary>
    /// <exception cref="PanopticDataException">Missing file, bad JSON, missing field.</exception>
    public static PanopticDataset Load(string path) => Json.PanopticJsonReader.Read(path);
}
