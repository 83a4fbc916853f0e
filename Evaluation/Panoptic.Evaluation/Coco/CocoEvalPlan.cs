namespace Panoptic.Evaluation.Coco;

/// <summary>Options resolved against a dataset: sorted unique ids, sorted max-detection limits, index lookups.</summary>
internal sealed class CocoEvalPlan
{
    private CocoEvalPlan(CocoEvaluationOptions options, int[] categoryIds, long[] imageIds)
    {
        Options = options;
        IouThresholds = [.. options.IouThresholds];
        RecallThresholds = [.. options.RecallThresholds];
        MaxDetections = [.. options.MaxDetections.Order()];
        AreaRanges = [.. options.AreaRanges];
        CategoryIds = categoryIds;
        ImageIds = imageIds;
        CategoryIndex = new Dictionary<int, int>(categoryIds.Length);
        for (var k = 0; k < categoryIds.Length; k++)
            CategoryIndex[categoryIds[k]] = k;
        ImageIndex = new Dictionary<long, int>(imageIds.Length);
        for (var i = 0; i < imageIds.Length; i++)
            ImageIndex[imageIds[i]] = i;
    }

    public CocoEvaluationOptions Options { get; }

    public CocoIouType IouType => Options.IouType;

    public double[] IouThresholds { get; }

    public double[] RecallThresholds { get; }

    public int[] MaxDetections { get; }

    public int MaxDetectionsLargest => MaxDetections[^1];

    public CocoAreaRange[] AreaRanges { get; }

    public int[] CategoryIds { get; }

    public long[] ImageIds { get; }

    public Dictionary<int, int> CategoryIndex { get; }

    public Dictionary<long, int> ImageIndex { get; }

    public static CocoEvalPlan Create(CocoDataset groundTruth, CocoEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IouThresholds.Count == 0)
            throw new ArgumentException("at least one IoU threshold is needed", nameof(options));
        if (options.RecallThresholds.Count == 0)
            throw new ArgumentException("at least one recall threshold is needed", nameof(options));
        if (options.MaxDetections.Count == 0 || options.MaxDetections.Any(m => m < 1))
            throw new ArgumentException("max detections must be a non-empty list of positive numbers", nameof(options));
        if (options.AreaRanges.Count == 0)
            throw new ArgumentException("at least one area range is needed", nameof(options));
        var categories = options.CategoryIds ?? groundTruth.Categories.Select(c => c.Id).ToList();
        var images = options.ImageIds ?? groundTruth.Images.Select(i => i.Id).ToList();
        return new CocoEvalPlan(options, [.. categories.Distinct().Order()], [.. images.Distinct().Order()]);
    }
}
