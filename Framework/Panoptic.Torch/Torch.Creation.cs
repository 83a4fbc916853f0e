using System.Runtime.InteropServices;
using Panoptic.Torch.Native;

namespace Panoptic.Torch;

// Creation: native/src/creation.cpp, native/src/tensor_core.cpp (from data)
public static partial class Torch
{
    private static unsafe Tensor Create(ReadOnlySpan<long> shape, DType dtype, Device? device, bool requiresGrad,
        delegate*<long*, int, int, int, int, int, IntPtr> factory)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (long* p = shape)
            return Checked.Wrap(factory(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
    }

    /// <summary><c>torch.zeros(shape)</c>.</summary>
    public static unsafe Tensor Zeros(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Create(shape, dtype, device, requiresGrad, &NativeMethods.pn_zeros);

    /// <summary><c>torch.ones(shape)</c>.</summary>
    public static unsafe Tensor Ones(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Create(shape, dtype, device, requiresGrad, &NativeMethods.pn_ones);

    /// <summary><c>torch.empty(shape)</c>: uninitialised memory.</summary>
    public static unsafe Tensor Empty(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Create(shape, dtype, device, requiresGrad, &NativeMethods.pn_empty);

    /// <summary>
    /// <c>torch.full(shape, value)</c>. As in PyTorch, the dtype defaults to that of the value: int64 for an integer,
    /// bool for a bool, float32 for a fractional number.
    /// </summary>
    public static unsafe Tensor Full(ReadOnlySpan<long> shape, Scalar value, DType? dtype = null, Device? device = null, bool requiresGrad = false)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (long* p = shape)
            return Checked.Wrap(NativeMethods.pn_full(p, shape.Length, (int)(dtype ?? value.DefaultDType), (int)d.Type, d.Index, requiresGrad ? 1 : 0, value));
    }

    /// <summary>
    /// <c>torch.arange(start, end, step)</c>. As in PyTorch, the dtype defaults to int64 when all three numbers are
    /// integers and to float32 otherwise (<c>Arange(0, 1, 0.1)</c> has ten float32 elements).
    /// </summary>
    public static Tensor Arange(Scalar start, Scalar end, Scalar step, DType? dtype = null, Device? device = null, bool requiresGrad = false)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        var type = dtype ?? (start.IsIntegral && end.IsIntegral && step.IsIntegral ? DType.Int64 : DType.Float32);
        return Checked.Wrap(NativeMethods.pn_arange(start, end, step, (int)type, (int)d.Type, d.Index, requiresGrad ? 1 : 0));
    }

    /// <summary><c>torch.arange(start, end)</c> (step 1; dtype inferred as in the three-number overload).</summary>
    public static Tensor Arange(Scalar start, Scalar end, DType? dtype = null, Device? device = null) => Arange(start, end, 1L, dtype, device);

    /// <summary><c>torch.arange(end)</c>.</summary>
    public static Tensor Arange(long end, DType dtype = DType.Int64, Device? device = null) => Arange(0L, end, 1L, dtype, device);

    /// <summary><c>torch.linspace(start, end, steps)</c>.</summary>
    public static Tensor Linspace(double start, double end, long steps, DType dtype = DType.Float32, Device? device = null)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        return Checked.Wrap(NativeMethods.pn_linspace(start, end, steps, (int)dtype, (int)d.Type, d.Index, 0));
    }

    /// <summary><c>torch.eye(n, m)</c>.</summary>
    public static Tensor Eye(long n, long? m = null, DType dtype = DType.Float32, Device? device = null)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        return Checked.Wrap(NativeMethods.pn_eye(n, m ?? n, (int)dtype, (int)d.Type, d.Index, 0));
    }

    public static Tensor ZerosLike(Tensor t) => Checked.Wrap(NativeMethods.pn_zeros_like(t.Handle));
    public static Tensor OnesLike(Tensor t) => Checked.Wrap(NativeMethods.pn_ones_like(t.Handle));
    public static Tensor EmptyLike(Tensor t) => Checked.Wrap(NativeMethods.pn_empty_like(t.Handle));
    public static Tensor FullLike(Tensor t, Scalar value) => Checked.Wrap(NativeMethods.pn_full_like(t.Handle, value));

    /// <summary>Uniform [0, 1) (<c>torch.rand</c>), drawn from <paramref name="generator"/> or the global generator.</summary>
    public static unsafe Tensor Rand(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null, bool requiresGrad = false)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (long* p = shape)
            return Checked.Wrap(NativeMethods.pn_rand(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0, Generator.HandleOf(generator)));
    }

    /// <summary>Standard normal (<c>torch.randn</c>).</summary>
    public static unsafe Tensor Randn(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null, bool requiresGrad = false)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (long* p = shape)
            return Checked.Wrap(NativeMethods.pn_randn(p, shape.Length, (int)dtype, (int)d.Type, d.Index, requiresGrad ? 1 : 0, Generator.HandleOf(generator)));
    }

    /// <summary>Integers in [low, high) (<c>torch.randint</c>).</summary>
    public static unsafe Tensor Randint(long low, long high, ReadOnlySpan<long> shape, DType dtype = DType.Int64, Device? device = null, Generator? generator = null)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (long* p = shape)
            return Checked.Wrap(NativeMethods.pn_randint(low, high, p, shape.Length, (int)dtype, (int)d.Type, d.Index, 0, Generator.HandleOf(generator)));
    }

    /// <summary>A random permutation of 0..n-1 (<c>torch.randperm</c>).</summary>
    public static Tensor Randperm(long n, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        return Checked.Wrap(NativeMethods.pn_randperm(n, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator)));
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> (row-major) with the given shape (default: 1-D).</summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape = default, Device? device = null, bool requiresGrad = false)
        where T : unmanaged
    {
        Initialize();
        var d = device ?? Device.Cpu;
        ReadOnlySpan<long> dims = shape.IsEmpty ? [data.Length] : shape;
        Tensor t;
        fixed (T* src = data)
        fixed (long* p = dims)
            t = Checked.Wrap(NativeMethods.pn_tensor_from_data(src, (long)data.Length * sizeof(T), p, dims.Length, (int)DTypes.Of<T>(), (int)d.Type, d.Index));
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }

    /// <summary>A tensor from an array (copy); see <see cref="From{T}(ReadOnlySpan{T}, ReadOnlySpan{long}, Device?, bool)"/>.</summary>
    public static Tensor From<T>(T[] data, params long[] shape) where T : unmanaged => From<T>(data.AsSpan(), shape);

    /// <summary>A 0-dimensional tensor (<c>torch.tensor(3.0)</c>).</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32, Device? device = null) =>
        Full([], value, dtype, device);

    /// <summary>Bytes reinterpreted as a tensor of <paramref name="dtype"/> (used by the serializers; copies).</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, DType dtype, ReadOnlySpan<long> shape, Device? device = null)
    {
        Initialize();
        var d = device ?? Device.Cpu;
        fixed (byte* src = bytes)
        fixed (long* p = shape)
            return Checked.Wrap(NativeMethods.pn_tensor_from_data(src, bytes.Length, p, shape.Length, (int)dtype, (int)d.Type, d.Index));
    }
}
