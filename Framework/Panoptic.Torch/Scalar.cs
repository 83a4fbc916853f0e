using System.Runtime.InteropServices;

namespace Panoptic.Torch;

/// <summary>
/// A number passed to an op, keeping whether it is integral so that <c>intTensor + 1</c> stays integral and
/// <c>intTensor + 1.0</c> promotes, as in PyTorch. Laid out as the shim's <c>pn::Scalar</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Scalar
{
    private readonly double _d;
    private readonly long _l;
    private readonly int _kind; // 0 double, 1 int64, 2 bool

    private Scalar(double d, long l, int kind)
    {
        _d = d;
        _l = l;
        _kind = kind;
    }

    public bool IsIntegral => _kind != 0;

    public double ToDouble() => _kind == 0 ? _d : _l;

    /// <summary>The dtype PyTorch gives a tensor made from this number alone: float32, int64 or bool.</summary>
    public DType DefaultDType => _kind switch { 0 => DType.Float32, 1 => DType.Int64, _ => DType.Bool };

    public static implicit operator Scalar(double v) => new(v, 0, 0);
    public static implicit operator Scalar(float v) => new(v, 0, 0);
    public static implicit operator Scalar(long v) => new(0, v, 1);
    public static implicit operator Scalar(int v) => new(0, v, 1);
    public static implicit operator Scalar(bool v) => new(0, v ? 1 : 0, 2);

    public override string ToString() => _kind switch { 0 => _d.ToString("R"), 1 => _l.ToString(), _ => (_l != 0).ToString() };
}
