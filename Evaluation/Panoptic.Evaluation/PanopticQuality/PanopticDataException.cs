namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// Inconsistent panoptic ground truth or predictions, reported like panopticapi's checks: a segment id in a PNG
/// and not in the JSON (or the reverse), an unknown category, a missing image or PNG, mismatched sizes.
/// </summary>
public sealed class PanopticDataException : EvaluationDataException
{
    public PanopticDataException(string message) : base(message) { }

    public PanopticDataException(string message, Exception inner) : base(message, inner) { }
}
