using System.Text.Json;
using DatasetMetadata = Panoptic.Abstractions.Data.DatasetMetadata;
using Panoptic.Abstractions.Structures;
using AtomicFile = Panoptic.Evaluation.IO.AtomicFile;
using Panoptic.Evaluation.Masks;
using Panoptic.Torch;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>
/// Detections as a COCO results file: a list of {image_id, category_id, bbox [x, y, w, h], score, segmentation
/// {size [h, w], counts}} in original image pixels, masks as compressed RLE (pycocotools' string form).
/// </summary>
/// <param name="metadata">Maps contiguous classes to dataset category ids; without it, <paramref name="categoryIdOffset"/> is added.</param>
/// <param name="categoryIdOffset">Added to the contiguous class index when there is no metadata.</param>
internal sealed class CocoResults(DatasetMetadata? metadata, int categoryIdOffset)
{
    private readonly List<Action<Utf8JsonWriter>> _entries = [];

    /// <summary>Detections added so far.</summary>
    public int Count => _entries.Count;

    /// <param name="imageId">COCO image id.</param>
    /// <param name="instances"><c>pred_boxes</c>, <c>scores</c>, <c>pred_classes</c> and optionally <c>pred_masks</c> (R, H, W) bool.</param>
    public void Add(long imageId, Instances instances)
    {
        var boxes = instances.Get<Boxes>(InstanceFields.PredBoxes).Tensor.ToArray<float>();
        var scores = instances.Get<Tensor>(InstanceFields.Scores).ToArray<float>();
        var classes = instances.Get<Tensor>(InstanceFields.PredClasses).ToArray<long>();
        var masks = instances.Has(InstanceFields.PredMasks) ? instances.Get<Tensor>(InstanceFields.PredMasks) : null;
        for (var i = 0; i < scores.Length; i++)
        {
            var (x0, y0, x1, y1) = (boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]);
            var (score, category) = (scores[i], metadata is null ? classes[i] + categoryIdOffset : metadata.ThingDatasetId((int)classes[i]));
            var rle = masks is null ? null : Encode(masks[i]);
            _entries.Add(writer =>
            {
                writer.WriteStartObject();
                writer.WriteNumber("image_id", imageId);
                writer.WriteNumber("category_id", category);
                writer.WriteStartArray("bbox");
                foreach (var value in new[] { x0, y0, x1 - x0, y1 - y0 })
                    writer.WriteNumberValue(Math.Round(value, 3));
                writer.WriteEndArray();
                writer.WriteNumber("score", Math.Round(score, 5));
                if (rle is not null)
                {
                    writer.WriteStartObject("segmentation");
                    writer.WriteStartArray("size");
                    writer.WriteNumberValue(rle.Height);
                    writer.WriteNumberValue(rle.Width);
                    writer.WriteEndArray();
                    writer.WriteString("counts", RleString.Encode(rle));
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            });
        }
    }

    /// <summary>Writes the list atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        foreach (var entry in _entries)
            entry(writer);
        writer.WriteEndArray();
    });

    private static RleMask Encode(Tensor mask)
    {
        using var pixels = mask.To(DType.UInt8).Contiguous();
        return RleBitmap.FromRowMajor(pixels.ToArray<byte>(), (int)mask.Size(0), (int)mask.Size(1));
    }
}
