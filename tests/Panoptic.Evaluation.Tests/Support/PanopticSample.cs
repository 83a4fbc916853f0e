using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Evaluation.Tests.Support;

/// <summary>The real COCO panoptic sample (2 val2017 images) and instance annotations derived from it.</summary>
internal static class PanopticSample
{
    public static string Json => Path.Combine(SharedData.CocoPanopticSample, "panoptic_examples.json");

    public static string PngFolder => Path.Combine(SharedData.CocoPanopticSample, "panoptic_examples");

    public static string DetectionFormatJson => Path.Combine(SharedData.CocoPanopticSample, "panoptic_coco_detection_format.json");

    /// <summary>
    /// Thing segments as COCO instance ground truth: mask RLE from the PNG, area and box from segments_info,
    /// crowd flags kept, ids renumbered from 1.
    /// </summary>
    public static CocoDataset ThingInstances()
    {
        var panoptic = PanopticDataset.Load(Json);
        var things = panoptic.Categories.Where(c => c.IsThing).Select(c => c.Id).ToHashSet();
        var images = new List<CocoImage>();
        var annotations = new List<CocoAnnotation>();
        foreach (var annotation in panoptic.Annotations)
        {
            var image = PanopticImage.Load(annotation, PngFolder);
            var imageId = long.Parse(annotation.ImageId, System.Globalization.CultureInfo.InvariantCulture);
            images.Add(new CocoImage(imageId, image.Width, image.Height, annotation.FileName));
            foreach (var segment in annotation.Segments.Where(s => things.Contains(s.CategoryId)))
            {
                var mask = RleBitmap.FromIdMap(image.Ids, image.Height, image.Width, segment.Id);
                annotations.Add(new CocoAnnotation(annotations.Count + 1, imageId, segment.CategoryId, segment.Area!.Value, segment.Box,
                    CompressedRleSegmentation.Compress(mask), segment.IsCrowd));
            }
        }
        var categories = panoptic.Categories.Select(c => new CocoCategory(c.Id, c.Name, c.Supercategory)).ToList();
        return new CocoDataset(images, categories, annotations, Json);
    }
}
