using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// The ground truth grouped for evaluation: per evaluated image, per evaluated category, the annotations in file
/// order; their masks are rasterised once, on first use, and kept.
/// </summary>
internal sealed class CocoGroundTruthIndex
{
    private readonly RleGeometry?[] _masks;

    public CocoGroundTruthIndex(CocoDataset dataset, CocoEvalPlan plan)
    {
        Dataset = dataset;
        _masks = new RleGeometry?[dataset.Annotations.Count];
        var perImage = new List<(int Category, int Annotation)>?[plan.ImageIds.Length];
        for (var a = 0; a < dataset.Annotations.Count; a++)
        {
            var annotation = dataset.Annotations[a];
            if (!plan.ImageIndex.TryGetValue(annotation.ImageId, out var image) || !plan.CategoryIndex.TryGetValue(annotation.CategoryId, out var category))
                continue;
            (perImage[image] ??= []).Add((category, a));
        }
        ByImage = new (int Category, int Annotation)[perImage.Length][];
        for (var i = 0; i < perImage.Length; i++)
            ByImage[i] = perImage[i] is { } list ? [.. list] : [];
    }

    public CocoDataset Dataset { get; }

    /// <summary>Per image index: (category index, annotation index) pairs in file order.</summary>
    public (int Category, int Annotation)[][] ByImage { get; }

    /// <summary>
    /// The mask of annotation <paramref name="index"/>. Thread-safe as long as one image's annotations are handled by
    /// one thread at a time (each annotation belongs to one image).
    /// </summary>
    public RleGeometry Mask(int index)
    {
        if (_masks[index] is { } cached)
            return cached;
        var annotation = Dataset.Annotations[index];
        var segmentation = annotation.Segmentation
            ?? throw new CocoDataException($"{Dataset.Source}: annotation {annotation.Id} has no 'segmentation', needed for segm evaluation");
        var image = Dataset.FindImage(annotation.ImageId)!;
        RleMask mask;
        try
        {
            mask = segmentation.ToMask(image.Height, image.Width);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new CocoDataException($"{Dataset.Source}: annotation {annotation.Id} (image {annotation.ImageId}) has an invalid segmentation: {e.Message}", e);
        }
        var geometry = new RleGeometry(mask);
        _masks[index] = geometry;
        return geometry;
    }
}
