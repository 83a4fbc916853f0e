using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Elementwise math, comparisons, linear algebra, conversions: native/src/tensor_math.cpp
public partial class Tensor
{
    private static Tensor W(IntPtr handle) => Checked.Wrap(handle);

    private Tensor InPlace(int status)
    {
        Checked.Status(status);
        return this;
    }

    // ---- arithmetic (broadcasting) ----
    public Tensor Add(Tensor other, Scalar? alpha = null) => W(pn_tensor_add(Handle, other.Handle, alpha ?? 1));
    public Tensor Add(Scalar other) => W(pn_tensor_add_scalar(Handle, other));
    public Tensor Sub(Tensor other, Scalar? alpha = null) => W(pn_tensor_sub(Handle, other.Handle, alpha ?? 1));
    public Tensor Sub(Scalar other) => W(pn_tensor_sub_scalar(Handle, other));
    public Tensor Mul(Tensor other) => W(pn_tensor_mul(Handle, other.Handle));
    public Tensor Mul(Scalar other) => W(pn_tensor_mul_scalar(Handle, other));
    public Tensor Div(Tensor other) => W(pn_tensor_div(Handle, other.Handle));
    public Tensor Div(Scalar other) => W(pn_tensor_div_scalar(Handle, other));
    public Tensor FloorDivide(Tensor other) => W(pn_tensor_floor_divide(Handle, other.Handle));
    public Tensor FloorDivide(Scalar other) => W(pn_tensor_floor_divide_scalar(Handle, other));
    public Tensor Pow(Tensor exponent) => W(pn_tensor_pow(Handle, exponent.Handle));
    public Tensor Pow(Scalar exponent) => W(pn_tensor_pow_scalar(Handle, exponent));
    public Tensor Remainder(Tensor other) => W(pn_tensor_remainder(Handle, other.Handle));
    public Tensor Remainder(Scalar other) => W(pn_tensor_remainder_scalar(Handle, other));
    public Tensor Fmod(Scalar other) => W(pn_tensor_fmod_scalar(Handle, other));
    public Tensor Minimum(Tensor other) => W(pn_tensor_minimum(Handle, other.Handle));
    public Tensor Maximum(Tensor other) => W(pn_tensor_maximum(Handle, other.Handle));
    public Tensor Atan2(Tensor other) => W(pn_tensor_atan2(Handle, other.Handle));
    public Tensor Lerp(Tensor end, Scalar weight) => W(pn_tensor_lerp(Handle, end.Handle, weight));

    // ---- comparisons and logic (bool results) ----
    public Tensor Eq(Tensor other) => W(pn_tensor_eq(Handle, other.Handle));
    public Tensor Eq(Scalar other) => W(pn_tensor_eq_scalar(Handle, other));
    public Tensor Ne(Tensor other) => W(pn_tensor_ne(Handle, other.Handle));
    public Tensor Ne(Scalar other) => W(pn_tensor_ne_scalar(Handle, other));
    public Tensor Lt(Tensor other) => W(pn_tensor_lt(Handle, other.Handle));
    public Tensor Lt(Scalar other) => W(pn_tensor_lt_scalar(Handle, other));
    public Tensor Le(Tensor other) => W(pn_tensor_le(Handle, other.Handle));
    public Tensor Le(Scalar other) => W(pn_tensor_le_scalar(Handle, other));
    public Tensor Gt(Tensor other) => W(pn_tensor_gt(Handle, other.Handle));
    public Tensor Gt(Scalar other) => W(pn_tensor_gt_scalar(Handle, other));
    public Tensor Ge(Tensor other) => W(pn_tensor_ge(Handle, other.Handle));
    public Tensor Ge(Scalar other) => W(pn_tensor_ge_scalar(Handle, other));
    public Tensor LogicalAnd(Tensor other) => W(pn_tensor_logical_and(Handle, other.Handle));
    public Tensor LogicalOr(Tensor other) => W(pn_tensor_logical_or(Handle, other.Handle));
    public Tensor LogicalXor(Tensor other) => W(pn_tensor_logical_xor(Handle, other.Handle));
    public Tensor LogicalNot() => W(pn_tensor_logical_not(Handle));
    public Tensor BitwiseAnd(Tensor other) => W(pn_tensor_bitwise_and(Handle, other.Handle));
    public Tensor BitwiseOr(Tensor other) => W(pn_tensor_bitwise_or(Handle, other.Handle));
    public Tensor BitwiseXor(Tensor other) => W(pn_tensor_bitwise_xor(Handle, other.Handle));
    public Tensor BitwiseNot() => W(pn_tensor_bitwise_not(Handle));
    public Tensor IsNan() => W(pn_tensor_isnan(Handle));
    public Tensor IsInf() => W(pn_tensor_isinf(Handle));
    public Tensor IsFinite() => W(pn_tensor_isfinite(Handle));

    // ---- unary math ----
    public Tensor Neg() => W(pn_tensor_neg(Handle));
    public Tensor Exp() => W(pn_tensor_exp(Handle));
    public Tensor Log() => W(pn_tensor_log(Handle));
    public Tensor Log2() => W(pn_tensor_log2(Handle));
    public Tensor Log1p() => W(pn_tensor_log1p(Handle));
    public Tensor Sqrt() => W(pn_tensor_sqrt(Handle));
    public Tensor Rsqrt() => W(pn_tensor_rsqrt(Handle));
    public Tensor Abs() => W(pn_tensor_abs(Handle));
    public Tensor Sign() => W(pn_tensor_sign(Handle));
    public Tensor Sigmoid() => W(pn_tensor_sigmoid(Handle));
    public Tensor Relu() => W(pn_tensor_relu(Handle));
    public Tensor Tanh() => W(pn_tensor_tanh(Handle));
    public Tensor Sin() => W(pn_tensor_sin(Handle));
    public Tensor Cos() => W(pn_tensor_cos(Handle));
    public Tensor Floor() => W(pn_tensor_floor(Handle));
    public Tensor Ceil() => W(pn_tensor_ceil(Handle));
    /// <summary>Round half to even, as <c>torch.round</c>.</summary>
    public Tensor Round() => W(pn_tensor_round(Handle));
    public Tensor Trunc() => W(pn_tensor_trunc(Handle));
    public Tensor Reciprocal() => W(pn_tensor_reciprocal(Handle));
    public Tensor Square() => W(pn_tensor_square(Handle));

    /// <summary>
    /// <c>torch.clamp(min, max)</c>; either bound may be omitted. Integer bounds keep an integer tensor integral
    /// (<c>labels.Clamp(min: 0)</c> stays int64); fractional ones promote it to float32, as in PyTorch.
    /// </summary>
    public Tensor Clamp(Scalar? min = null, Scalar? max = null) =>
        W(pn_tensor_clamp(Handle, min ?? 0, max ?? 0, min.HasValue ? 1 : 0, max.HasValue ? 1 : 0));

    /// <summary><c>torch.clamp</c> with tensor bounds (broadcast).</summary>
    public Tensor Clamp(Tensor? min, Tensor? max) => W(pn_tensor_clamp_tensor(Handle, Checked.Opt(min), Checked.Opt(max)));

    public Tensor Softmax(long dim) => W(pn_tensor_softmax(Handle, dim));
    public Tensor LogSoftmax(long dim) => W(pn_tensor_log_softmax(Handle, dim));

    // ---- in place (return this) ----
    public Tensor Add_(Tensor other, Scalar? alpha = null) => InPlace(pn_tensor_add_(Handle, other.Handle, alpha ?? 1));
    public Tensor Add_(Scalar other) => InPlace(pn_tensor_add_scalar_(Handle, other));
    public Tensor Sub_(Tensor other, Scalar? alpha = null) => InPlace(pn_tensor_sub_(Handle, other.Handle, alpha ?? 1));
    public Tensor Sub_(Scalar other) => InPlace(pn_tensor_sub_scalar_(Handle, other));
    public Tensor Mul_(Tensor other) => InPlace(pn_tensor_mul_(Handle, other.Handle));
    public Tensor Mul_(Scalar other) => InPlace(pn_tensor_mul_scalar_(Handle, other));
    public Tensor Div_(Tensor other) => InPlace(pn_tensor_div_(Handle, other.Handle));
    public Tensor Div_(Scalar other) => InPlace(pn_tensor_div_scalar_(Handle, other));
    public Tensor Pow_(Scalar exponent) => InPlace(pn_tensor_pow_scalar_(Handle, exponent));
    public Tensor Addcmul_(Tensor a, Tensor b, Scalar value) => InPlace(pn_tensor_addcmul_(Handle, a.Handle, b.Handle, value));
    public Tensor Addcdiv_(Tensor a, Tensor b, Scalar value) => InPlace(pn_tensor_addcdiv_(Handle, a.Handle, b.Handle, value));
    public Tensor Copy_(Tensor source) => InPlace(pn_tensor_copy_(Handle, source.Handle));
    public Tensor Fill_(Scalar value) => InPlace(pn_tensor_fill_(Handle, value));
    public Tensor Zero_() => InPlace(pn_tensor_zero_(Handle));
    public Tensor Relu_() => InPlace(pn_tensor_relu_(Handle));
    public Tensor Sigmoid_() => InPlace(pn_tensor_sigmoid_(Handle));
    public Tensor Neg_() => InPlace(pn_tensor_neg_(Handle));
    public Tensor Exp_() => InPlace(pn_tensor_exp_(Handle));
    public Tensor Sqrt_() => InPlace(pn_tensor_sqrt_(Handle));
    public Tensor Clamp_(Scalar? min = null, Scalar? max = null) =>
        InPlace(pn_tensor_clamp_(Handle, min ?? 0, max ?? 0, min.HasValue ? 1 : 0, max.HasValue ? 1 : 0));
    public Tensor Uniform_(double from = 0, double to = 1, Generator? generator = null) =>
        InPlace(pn_tensor_uniform_(Handle, from, to, Generator.HandleOf(generator)));
    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null) =>
        InPlace(pn_tensor_normal_(Handle, mean, std, Generator.HandleOf(generator)));
    public Tensor Bernoulli_(double p, Generator? generator = null) =>
        InPlace(pn_tensor_bernoulli_(Handle, p, Generator.HandleOf(generator)));

    // ---- linear algebra ----
    /// <summary><c>torch.matmul</c> with broadcasting batch dimensions.</summary>
    public Tensor Matmul(Tensor other) => W(pn_tensor_matmul(Handle, other.Handle));
    /// <summary>(n, k) × (k, m) → (n, m).</summary>
    public Tensor Mm(Tensor other) => W(pn_tensor_mm(Handle, other.Handle));
    /// <summary>(b, n, k) × (b, k, m) → (b, n, m).</summary>
    public Tensor Bmm(Tensor other) => W(pn_tensor_bmm(Handle, other.Handle));
    public Tensor Outer(Tensor other) => W(pn_tensor_outer(Handle, other.Handle));

    // ---- conversions ----
    public Tensor To(DType dtype) => W(pn_tensor_to_dtype(Handle, (int)dtype));
    public Tensor To(Device device, bool nonBlocking = false) => W(pn_tensor_to(Handle, (int)DType, (int)device.Type, device.Index, nonBlocking ? 1 : 0, 0));
    public Tensor To(Device device, DType dtype, bool nonBlocking = false, bool copy = false) =>
        W(pn_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, nonBlocking ? 1 : 0, copy ? 1 : 0));
    public Tensor Cpu() => To(Device.Cpu);
    public Tensor Cuda(int index = -1) => To(Device.Cuda(index));
    public Tensor Float() => To(DType.Float32);
    public Tensor Double() => To(DType.Float64);
    public Tensor Long() => To(DType.Int64);
    public Tensor Int() => To(DType.Int32);
    public Tensor Bool() => To(DType.Bool);
    public Tensor Byte() => To(DType.UInt8);
    public Tensor Clone() => W(pn_tensor_clone(Handle));

    // ---- operators ----
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    public static Tensor operator +(Tensor a, Scalar b) => a.Add(b);
    public static Tensor operator +(Scalar a, Tensor b) => b.Add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    public static Tensor operator -(Tensor a, Scalar b) => a.Sub(b);
    public static Tensor operator -(Scalar a, Tensor b) => W(pn_tensor_rsub_scalar(b.Handle, a));
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    public static Tensor operator *(Tensor a, Scalar b) => a.Mul(b);
    public static Tensor operator *(Scalar a, Tensor b) => b.Mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    public static Tensor operator /(Tensor a, Scalar b) => a.Div(b);
    public static Tensor operator /(Scalar a, Tensor b) => W(pn_tensor_rdiv_scalar(b.Handle, a));
    public static Tensor operator %(Tensor a, Tensor b) => a.Remainder(b);
    public static Tensor operator %(Tensor a, Scalar b) => a.Remainder(b);
    public static Tensor operator -(Tensor a) => a.Neg();
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);
    public static Tensor operator <(Tensor a, Scalar b) => a.Lt(b);
    public static Tensor operator >(Tensor a, Scalar b) => a.Gt(b);
    public static Tensor operator <=(Tensor a, Scalar b) => a.Le(b);
    public static Tensor operator >=(Tensor a, Scalar b) => a.Ge(b);
    public static Tensor operator &(Tensor a, Tensor b) => a.BitwiseAnd(b);
    public static Tensor operator |(Tensor a, Tensor b) => a.BitwiseOr(b);
    public static Tensor operator ^(Tensor a, Tensor b) => a.BitwiseXor(b);
    public static Tensor operator ~(Tensor a) => a.BitwiseNot();
    public static Tensor operator !(Tensor a) => a.LogicalNot();
}
