namespace Panoptic.Torch;

/// <summary>
/// An error reported by libtorch (or the Panoptic shim) for one call: a wrong shape, a dtype mismatch, an
/// out-of-range index... The message is libtorch's own text. The process is always left usable.
/// </summary>
public sealed class TorchException : Exception
{
    public TorchException(string message) : base(message) { }

    public TorchException(string message, Exception inner) : base(message, inner) { }
}
