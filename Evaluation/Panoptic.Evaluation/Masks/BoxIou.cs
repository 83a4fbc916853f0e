namespace Panoptic.Evaluation.Masks;

/// <summary>Box intersection over union with COCO's crowd rule (maskApi <c>bbIou</c> semantics, in double).</summary>
public static class BoxIou
{
    /// <summary>
    /// IoU of a detection box with a ground-truth box. For a crowd ground truth the denominator is the detection's
    /// own area (intersection / detection area). Boxes that do not overlap with a positive width and height give 0.
    /// </summary>
    public static double Compute(in BoxXywh detection, in BoxXywh groundTruth, bool groundTruthIsCrowd)
    {
        var w = Math.Min(detection.Width + detection.X, groundTruth.Width + groundTruth.X) - Math.Max(detection.X, groundTruth.X);
        if (w <= 0)
            return 0;
        var h = Math.Min(detection.Height + detection.Y, groundTruth.Height + groundTruth.Y) - Math.Max(detection.Y, groundTruth.Y);
        if (h <= 0)
            return 0;
        var intersection = w * h;
        var detectionArea = detection.Width * detection.Height;
        var union = groundTruthIsCrowd ? detectionArea : detectionArea + groundTruth.Width * groundTruth.Height - intersection;
        return intersection / union;
    }

    /// <summary>
    /// IoU matrix between detections and ground truths, detection-major: entry <c>[d * gt.Count + g]</c>.
    /// </summary>
    public static double[] Matrix(IReadOnlyList<BoxXywh> detections, IReadOnlyList<BoxXywh> groundTruths, IReadOnlyList<bool> groundTruthIsCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruths);
        ArgumentNullException.ThrowIfNull(groundTruthIsCrowd);
        var g = groundTruths.Count;
        var result = new double[detections.Count * g];
        for (var d = 0; d < detections.Count; d++)
        {
            var det = detections[d];
            for (var j = 0; j < g; j++)
                result[d * g + j] = Compute(det, groundTruths[j], groundTruthIsCrowd[j]);
        }
        return result;
    }
}
