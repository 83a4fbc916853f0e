namespace Panoptic.Evaluation.Coco;

/// <summary>
/// pycocotools' accumulated arrays (<c>eval['precision']</c>, <c>['recall']</c>, <c>['scores']</c>) for plots and
/// custom figures, stored flat in C order. Dimensions: T IoU thresholds, R recall points, K categories,
/// A area ranges, M max-detection limits. -1 marks a setting without ground truth.
/// </summary>
public sealed class CocoPrecisionRecall
{
    internal CocoPrecisionRecall(
        IReadOnlyList<double> iouThresholds, IReadOnlyList<double> recallThresholds, IReadOnlyList<int> categoryIds,
        IReadOnlyList<CocoAreaRange> areaRanges, IReadOnlyList<int> maxDetections)
    {
        IouThresholds = iouThresholds;
        RecallThresholds = recallThresholds;
        CategoryIds = categoryIds;
        AreaRanges = areaRanges;
        MaxDetections = maxDetections;
        PrecisionValues = new double[T * R * K * A * M];
        ScoreValues = new double[PrecisionValues.Length];
        RecallValues = new double[T * K * A * M];
        Array.Fill(PrecisionValues, -1);
        Array.Fill(ScoreValues, -1);
        Array.Fill(RecallValues, -1);
    }

    public IReadOnlyList<double> IouThresholds { get; }

    public IReadOnlyList<double> RecallThresholds { get; }

    /// <summary>The evaluated category ids, ascending (the K axis).</summary>
    public IReadOnlyList<int> CategoryIds { get; }

    public IReadOnlyList<CocoAreaRange> AreaRanges { get; }

    /// <summary>The max-detection limits, ascending (the M axis).</summary>
    public IReadOnlyList<int> MaxDetections { get; }

    /// <summary>Interpolated precision, shape [T, R, K, A, M].</summary>
    public double[] PrecisionValues { get; }

    /// <summary>Score of the detection at which each precision value was read, shape [T, R, K, A, M].</summary>
    public double[] ScoreValues { get; }

    /// <summary>Final recall, shape [T, K, A, M].</summary>
    public double[] RecallValues { get; }

    private int T => IouThresholds.Count;

    private int R => RecallThresholds.Count;

    private int K => CategoryIds.Count;

    private int A => AreaRanges.Count;

    private int M => MaxDetections.Count;

    /// <summary>Precision at IoU threshold t, recall point r, category k, area a, limit m (indices).</summary>
    public double Precision(int t, int r, int k, int a, int m) => PrecisionValues[PrecisionIndex(t, r, k, a, m)];

    /// <summary>Recall at IoU threshold t, category k, area a, limit m (indices).</summary>
    public double Recall(int t, int k, int a, int m) => RecallValues[RecallIndex(t, k, a, m)];

    /// <summary>Score at IoU threshold t, recall point r, category k, area a, limit m (indices).</summary>
    public double Score(int t, int r, int k, int a, int m) => ScoreValues[PrecisionIndex(t, r, k, a, m)];

    internal int PrecisionIndex(int t, int r, int k, int a, int m) => (((t * R + r) * K + k) * A + a) * M + m;

    internal int RecallIndex(int t, int k, int a, int m) => ((t * K + k) * A + a) * M + m;
}
