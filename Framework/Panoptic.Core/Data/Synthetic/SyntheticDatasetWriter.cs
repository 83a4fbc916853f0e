using System.Globalization;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Imaging;
using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch.Vision;
using static Panoptic.Torch.Torch;

namespace Panoptic.Core.Data.Synthetic;

/// <summary>What one split of a generated dataset holds.</summary>
/// <param name="Split">train or val.</param>
/// <param name="Images">Images written.</param>
/// <param name="Things">Non-crowd thing instances.</param>
/// <param name="Crowds">Crowd regions (iscrowd = 1).</param>
/// <param name="StuffSegments">Stuff segments.</param>
public sealed record SyntheticSplitSummary(string Split, int Images, int Things, int Crowds, int StuffSegments);

/// <summary>
/// Generates the synthetic panoptic dataset (<c>panoptic data synth</c>) in <see cref="SyntheticLayout"/>: images,
/// COCO instances JSON per split, COCO panoptic JSON + PNGs per split, and the categories file. Image i of a split
/// is drawn by <see cref="SceneRenderer"/> from a generator seeded with (seed, split, i) alone, images are generated in
/// parallel and the JSON files are assembled in image order afterwards, so the same seed gives the same bytes whatever
/// the parallelism. Every file is written atomically, each split's JSON only after all its images and PNGs, and the
/// categories file — what marks a folder as a synthetic dataset — last.
/// </summary>
public static class SyntheticDatasetWriter
{
    private sealed record GeneratedImage(long ImageId, string FileName, string PngName, SyntheticScene Scene, CocoSegmentation?[] Masks);

    /// <summary>Writes the dataset and returns what each split holds.</summary>
    public static IReadOnlyList<SyntheticSplitSummary> Write(SyntheticDatasetOptions options)
    {
        options.Validate();
        var layout = new SyntheticLayout(options.OutputDir);
        var summaries = new List<SyntheticSplitSummary>();
        long firstId = 1;
        foreach (var (split, count, index) in new[] { ("train", options.TrainImages, 0), ("val", options.ValImages, 1) })
        {
            if (count == 0)
                continue;
            summaries.Add(WriteSplit(options, layout, split, index, count, firstId));
            firstId += count;
        }
        SyntheticJson.WriteCategories(layout.CategoriesJson, SyntheticCategories.All);
        return summaries;
    }

    private static SyntheticSplitSummary WriteSplit(SyntheticDatasetOptions options, SyntheticLayout layout, string split, int splitIndex, int count, long firstId)
    {
        var images = new GeneratedImage[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, count, parallel, i => images[i] = Generate(options, layout, split, splitIndex, i, firstId + i));

        WriteInstances(layout.InstancesJson(split), images);
        var annotations = images.Select(g => new PanopticAnnotation(Id(g.ImageId), g.PngName,
            g.Scene.Segments.Select(s => new PanopticSegment(s.Id, s.CategoryId, s.IsCrowd, s.Area, BoxXywh.FromArray(s.Box.Select(v => (double)v).ToArray()))).ToList())).ToList();
        var entries = images.Select(g => new PanopticImageEntry(g.ImageId, g.FileName, g.Scene.Width, g.Scene.Height)).ToList();
        SyntheticJson.WritePanoptic(layout.PanopticJson(split), entries, annotations, SyntheticCategories.All);

        var segments = images.SelectMany(g => g.Scene.Segments).ToList();
        return new SyntheticSplitSummary(split, count,
            segments.Count(s => IsThing(s) && !s.IsCrowd), segments.Count(s => s.IsCrowd), segments.Count(s => !IsThing(s)));
    }

    private static GeneratedImage Generate(SyntheticDatasetOptions options, SyntheticLayout layout, string split, int splitIndex, int index, long imageId)
    {
        var rng = new SplitMix64(SeedMixer.Mix(options.Seed, splitIndex, index));
        var scene = SceneRenderer.Render(options.Scene, rng);
        var stem = imageId.ToString("D6", CultureInfo.InvariantCulture);
        var fileName = stem + (options.Jpeg ? ".jpg" : ".png");
        AtomicFile.WriteAllBytes(Path.Combine(layout.ImageFolder(split), fileName), EncodeImage(scene, options));
        var pngName = stem + ".png";
        PngCodec.WriteAtomic(Path.Combine(layout.PanopticFolder(split), pngName), PanopticIds.ToImage(scene.SegmentIds, scene.Width, scene.Height));
        var masks = scene.Segments.Select(s => IsThing(s) ? Mask(scene, s, options.InstanceFormat) : null).ToArray();
        return new GeneratedImage(imageId, fileName, pngName, scene, masks);
    }

    private static byte[] EncodeImage(SyntheticScene scene, SyntheticDatasetOptions options)
    {
        if (!options.Jpeg)
            return PngCodec.Encode(new PngImage(scene.Width, scene.Height, 3, scene.Rgb));
        using var pixels = From(scene.Rgb, scene.Height, scene.Width, 3);
        return ImageCodec.Encode(pixels, ImageFileFormat.Jpeg, options.JpegQuality, ColorOrder.Rgb);
    }

    /// <summary>A thing's mask: compressed RLE, or polygons for non-crowd things in polygon mode (crowds are RLE, as in COCO).</summary>
    private static CocoSegmentation Mask(SyntheticScene scene, SyntheticSegment segment, InstanceFormat format)
    {
        if (format == InstanceFormat.Polygon && !segment.IsCrowd)
            return new PolygonSegmentation(MaskPolygons.FromIdMap(scene.SegmentIds, scene.Width, scene.Height, segment.Id));
        return CompressedRleSegmentation.Compress(RleBitmap.FromIdMap(scene.SegmentIds, scene.Height, scene.Width, segment.Id));
    }

    private static void WriteInstances(string path, GeneratedImage[] images)
    {
        var cocoImages = images.Select(g => new CocoImage(g.ImageId, g.Scene.Width, g.Scene.Height, g.FileName)).ToList();
        var categories = SyntheticCategories.All.Where(c => c.IsThing).Select(c => new CocoCategory(c.Id, c.Name, "shape")).ToList();
        var annotations = new List<CocoAnnotation>();
        foreach (var g in images)
        {
            for (var k = 0; k < g.Scene.Segments.Count; k++)
            {
                var s = g.Scene.Segments[k];
                if (g.Masks[k] is { } mask)
                    annotations.Add(new CocoAnnotation(annotations.Count + 1, g.ImageId, s.CategoryId, s.Area,
                        BoxXywh.FromArray(s.Box.Select(v => (double)v).ToArray()), mask, s.IsCrowd));
            }
        }
        CocoJsonWriter.WriteDataset(path, new CocoDataset(cocoImages, categories, annotations, path));
    }

    private static bool IsThing(SyntheticSegment segment) => SyntheticCategories.ThingIds.Contains(segment.CategoryId);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
