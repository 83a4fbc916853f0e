namespace Panoptic.Evaluation.Coco;

/// <summary>
/// COCO instances ground truth: images, categories and annotations, with lookups. Construction checks what the
/// evaluation relies on: unique image and annotation ids, annotation ids ≥ 1.
/// </summary>
public sealed class CocoDataset
{
    private readonly Dictionary<long, CocoImage> _images;

    /// <summary>Builds a dataset; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="CocoDataException">Duplicate image ids, duplicate annotation ids or an annotation id below 1.</exception>
    public CocoDataset(IReadOnlyList<CocoImage> images, IReadOnlyList<CocoCategory> categories, IReadOnlyList<CocoAnnotation> annotations, string source = "ground truth")
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(annotations);
        Images = images;
        Categories = categories;
        Annotations = annotations;
        Source = source;
        _images = new Dictionary<long, CocoImage>(images.Count);
        foreach (var image in images)
        {
            if (!_images.TryAdd(image.Id, image))
                throw new CocoDataException($"{source}: image id {image.Id} appears twice in 'images'");
        }
        var annotationIds = new HashSet<long>(annotations.Count);
        foreach (var annotation in annotations)
        {
            if (annotation.Id < 1)
                throw new CocoDataException($"{source}: annotation id {annotation.Id} (image {annotation.ImageId}) is below 1; pycocotools records a match as the matched id and reads 0 as 'unmatched', so ids must start at 1");
            if (!annotationIds.Add(annotation.Id))
                throw new CocoDataException($"{source}: annotation id {annotation.Id} appears twice");
        }
    }

    /// <summary>The <c>images</c> list, in file order.</summary>
    public IReadOnlyList<CocoImage> Images { get; }

    /// <summary>The <c>categories</c> list, in file order.</summary>
    public IReadOnlyList<CocoCategory> Categories { get; }

    /// <summary>The <c>annotations</c> list, in file order.</summary>
    public IReadOnlyList<CocoAnnotation> Annotations { get; }

    /// <summary>Where the dataset came from (file path), for messages.</summary>
    public string Source { get; }

    /// <summary>Reads a COCO instances JSON file.</summary>
    public static CocoDataset Load(string path) => Json.CocoJsonReader.ReadDataset(path);

    /// <summary>The image with this id, or null.</summary>
    public CocoImage? FindImage(long imageId) => _images.GetValueOrDefault(imageId);
}
