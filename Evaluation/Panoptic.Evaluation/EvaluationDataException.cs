namespace Panoptic.Evaluation;

/// <summary>
/// Base of the errors raised for bad evaluation input (ground truth, results, PNG files): the message names
/// the file and the offending id or key. Front ends map every exception whose type name ends with
/// <c>DataException</c> to "bad input" (exit code 2) rather than to an internal error.
/// </summary>
public class EvaluationDataException : Exception
{
    public EvaluationDataException(string message) : base(message) { }

    public EvaluationDataException(string message, Exception inner) : base(message, inner) { }
}
