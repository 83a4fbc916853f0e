namespace Panoptic.Core.Tests.Support;

/// <summary>Paths inside the real COCO panoptic sample (<see cref="SharedData.CocoPanopticSample"/>).</summary>
internal static class SampleData
{
    public static string Json => Path.Combine(SharedData.CocoPanopticSample, "panoptic_examples.json");

    public static string Pngs => Path.Combine(SharedData.CocoPanopticSample, "panoptic_examples");

    public static string Images => Path.Combine(SharedData.CocoPanopticSample, "input_images");

    /// <summary>The same segments as COCO instance annotations (compressed RLE; annotation ids start at 0).</summary>
    public static string DetectionFormat => Path.Combine(SharedData.CocoPanopticSample, "panoptic_coco_detection_format.json");
}
