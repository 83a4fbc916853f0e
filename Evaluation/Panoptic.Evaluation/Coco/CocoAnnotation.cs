using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// A ground-truth instance (an entry of a COCO instances file's <c>annotations</c>).
/// </summary>
/// <param name="Id">Annotation id, at least 1 (pycocotools stores the matched id and treats 0 as "no match").</param>
/// <param name="ImageId">Image the instance is on.</param>
/// <param name="CategoryId">Category id.</param>
/// <param name="Area">Area in pixels² as read from the JSON; it, not the mask, picks the area bucket.</param>
/// <param name="Box">The <c>bbox</c>, used for box IoU; null when absent.</param>
/// <param name="Segmentation">Polygons or RLE, used for mask IoU; null when absent.</param>
/// <param name="IsCrowd">Crowd region: ignored, and matched by intersection over detection area.</param>
/// <param name="Ignore">The JSON <c>ignore</c> flag (only used with <see cref="CocoEvaluationOptions.HonorIgnoreFlag"/>).</param>
public sealed record CocoAnnotation(
    long Id,
    long ImageId,
    int CategoryId,
    double Area,
    BoxXywh? Box,
    CocoSegmentation? Segmentation,
    bool IsCrowd = false,
    bool Ignore = false);
