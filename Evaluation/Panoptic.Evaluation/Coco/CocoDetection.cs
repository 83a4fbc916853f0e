using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// A detection result in the official results format (<c>{image_id, category_id, score, bbox|segmentation}</c>).
/// </summary>
/// <param name="ImageId">Image id; it must exist in the ground truth.</param>
/// <param name="CategoryId">Predicted category.</param>
/// <param name="Score">Confidence; higher first, ties keep the input order.</param>
/// <param name="Box">Box <c>[x, y, w, h]</c> in pixels, or null.</param>
/// <param name="Segmentation">Mask (normally a compressed RLE), or null.</param>
public sealed record CocoDetection(long ImageId, int CategoryId, double Score, BoxXywh? Box = null, CocoSegmentation? Segmentation = null);
