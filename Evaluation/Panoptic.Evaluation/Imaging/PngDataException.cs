namespace Panoptic.Evaluation.Imaging;

/// <summary>A PNG file that is corrupt or uses a feature this codec does not read (interlacing, bit depth other than 8).</summary>
public sealed class PngDataException : EvaluationDataException
{
    public PngDataException(string message) : base(message) { }

    public PngDataException(string message, Exception inner) : base(message, inner) { }
}
