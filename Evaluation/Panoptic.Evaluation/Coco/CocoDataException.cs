namespace Panoptic.Evaluation.Coco;

/// <summary>Bad COCO ground truth or results (missing field, unknown image, invalid mask, id below 1, ...).</summary>
public sealed class CocoDataException : EvaluationDataException
{
    public CocoDataException(string message) : base(message) { }

    public CocoDataException(string message, Exception inner) : base(message, inner) { }
}
