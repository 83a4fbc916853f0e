using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Arithmetic, promotion, comparisons, math functions and products against PyTorch (Fixtures/Reference/Tensors/math.py).</summary>
public class MathTests
{
    private const double Tol = 1e-12;

    private static RefValue R(string name) => Reference.Of("Tensors/math.py")[name];

    private static Tensor A() => Inputs.Randn(1, [3, 1, 4]);

    private static Tensor B() => Inputs.Randn(2, [2, 1]);

    [Fact]
    public void Tensor_operators_broadcast_as_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var (a, b) = (A(), B());
        TensorAssert.Close(a + b, R("add"), Tol);
        TensorAssert.Close(a.Add(b, 2.5), R("add_alpha"), Tol);
        TensorAssert.Close(a - b, R("sub"), Tol);
        TensorAssert.Close(a.Sub(b, 0.5), R("sub_alpha"), Tol);
        TensorAssert.Close(a * b, R("mul"), Tol);
        TensorAssert.Close(a / b, R("div"), Tol);
        TensorAssert.Close(a.Abs().Pow(b), R("pow"), Tol);
        TensorAssert.Close(a * 3 % b, R("remainder"), Tol);
        (a + b).Shape.Should().Equal(3, 2, 4);
    }

    [Fact]
    public void Scalars_work_on_either_side_of_the_operator()
    {
        using var scope = Torch.NewDisposeScope();
        var a = A();
        TensorAssert.Close(a + 2, R("a_plus_2"), Tol);
        TensorAssert.Close(a - 0.5, R("a_minus_half"), Tol);
        TensorAssert.Close(a * 3, R("a_times_3"), Tol);
        TensorAssert.Close(a / 4, R("a_div_4"), Tol);
        TensorAssert.Close(2 - a, R("two_minus_a"), Tol);
        TensorAssert.Close(1 / a, R("one_over_a"), Tol);
        TensorAssert.Close(3 * a, R("three_times_a"), Tol);
        TensorAssert.Close(2 + a, R("two_plus_a"), Tol);
        TensorAssert.Close(a.Pow(3), R("a_pow_3"), Tol);
        TensorAssert.Close(a % 0.5, R("a_mod_half"), Tol);
        // Numbers reach float32/float16 kernels exactly as from Python: bit-identical results.
        TensorAssert.Exact((2 - (a.Float() * 0.9 - 0.5) / 3 + 2) * 1e-3, R("f32_scalar_chain"));
        TensorAssert.Exact((a.To(DType.Float16) * 0.1 + 0.3) / 7, R("f16_scalar_chain"));
        var v = Torch.From(new[] { 4.0, -0.5 });
        (2 - v).ToArray<double>().Should().Equal(-2.0, 2.5);
        (1 / v).ToArray<double>().Should().Equal(0.25, -2.0);
        (-v).ToArray<double>().Should().Equal(-4.0, 0.5);
    }

    [Fact]
    public void Integer_tensors_stay_integral_with_integers_and_promote_to_float32_with_fractions()
    {
        using var scope = Torch.NewDisposeScope();
        var i = Torch.Arange(6).Reshape(2, 3);
        var plus1 = i + 1;
        plus1.DType.Should().Be(DType.Int64);
        plus1.ToArray<long>().Should().Equal(1, 2, 3, 4, 5, 6);
        var plusHalf = i + 1.5;
        plusHalf.DType.Should().Be(DType.Float32);
        plusHalf.ToArray<float>().Should().Equal(1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f);
        TensorAssert.Exact(plus1, R("i_plus_1"));
        TensorAssert.Exact(plusHalf, R("i_plus_1_5"));
        TensorAssert.Exact(i * 2, R("i_times_2"));
        TensorAssert.Exact(i / 2, R("i_div_2"));
        TensorAssert.Exact(i.FloorDivide(2), R("i_floordiv_2"));
        TensorAssert.Exact(i.FloorDivide(2.5), R("i_floordiv_2_5"));
        TensorAssert.Exact(Torch.From(new long[] { -7, 7, -8 }).FloorDivide(2), R("neg_floordiv"));
        TensorAssert.Exact(i % 4, R("i_mod_4"));
        TensorAssert.Exact(7 - i, R("seven_minus_i"));
        TensorAssert.Exact(1 / i, R("one_over_i"));
        TensorAssert.Exact(i.Int() + 1, R("i32_plus_1"));
        TensorAssert.Exact(i.Float() + 1.5, R("f32_plus_1_5"));
        TensorAssert.Close(i.Float() * Inputs.Randn(4, [2, 3]), R("f32_times_f64"), Tol);
        var labels = Torch.From(new long[] { -100, 3 });
        var clamped = labels.Clamp(min: 0);
        clamped.DType.Should().Be(DType.Int64, "integer bounds keep integer labels integral");
        clamped.ToArray<long>().Should().Equal(0, 3);
        labels.Clamp(0.5, 2.5).DType.Should().Be(DType.Float32);
    }

    [Fact]
    public void Comparisons_give_bool_tensors()
    {
        using var scope = Torch.NewDisposeScope();
        var (a, b) = (A(), B());
        TensorAssert.Exact(a > 0, R("gt0"));
        TensorAssert.Exact(a < b, R("lt_b"));
        TensorAssert.Exact(a >= 0.5, R("ge_half"));
        TensorAssert.Exact(a <= b, R("le_b"));
        TensorAssert.Exact(Torch.From(new[] { 1.0f, 2, 3 }).Eq(Torch.From(new[] { 1.0f, 0, 3 })), R("eq"));
        TensorAssert.Exact(Torch.Arange(6).Reshape(2, 3).Ne(2), R("ne_scalar"));
        var m = a > 0;
        (!m).ToArray<bool>().Should().Equal(m.ToArray<bool>().Select(x => !x));
        (m & (a < 1)).DType.Should().Be(DType.Bool);
    }

    [Fact]
    public void Elementwise_functions_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(5, [3, 4]);
        var y = Inputs.Randn(6, [3, 4]);
        TensorAssert.Close(x.Exp(), R("exp"), Tol);
        TensorAssert.Close((x.Abs() + 0.1).Log(), R("log"), Tol);
        TensorAssert.Close(x.Abs().Sqrt(), R("sqrt"), Tol);
        TensorAssert.Exact(x.Abs(), R("abs"));
        TensorAssert.Exact(-x, R("neg"));
        TensorAssert.Exact(x.Clamp(-0.5, 0.7), R("clamp"));
        TensorAssert.Exact(x.Clamp(min: 0), R("clamp_min"));
        TensorAssert.Exact(x.Clamp(max: 0), R("clamp_max"));
        TensorAssert.Exact(x.Clamp(Torch.Full([4], -0.3, DType.Float64), Torch.Linspace(0, 1, 4, DType.Float64)), R("clamp_tensor"));
        TensorAssert.Exact(Torch.Minimum(x, y), R("minimum"));
        TensorAssert.Exact(Torch.Maximum(x, y), R("maximum"));
        TensorAssert.Close(x.Sigmoid(), R("sigmoid"), Tol);
        TensorAssert.Exact(x.Relu(), R("relu"));
        TensorAssert.Close(x.Tanh(), R("tanh"), Tol);
        TensorAssert.Close(x.Sign(), R("sign"), 0);
        TensorAssert.Close(x.Reciprocal(), R("reciprocal"), Tol);
        TensorAssert.Close((x.Abs() + 0.1).Rsqrt(), R("rsqrt"), Tol);
        TensorAssert.Close(x.Abs().Log1p(), R("log1p"), Tol);
        TensorAssert.Close(x.Square(), R("square"), Tol);
        TensorAssert.Close(x.Sin() + x.Cos(), R("sin_cos"), Tol);
        TensorAssert.Close(x.Lerp(y, 0.3), R("lerp"), Tol);
        TensorAssert.Exact(Torch.From(new[] { 1.0f, float.NaN, float.PositiveInfinity }).IsNan(), R("isnan"));
        TensorAssert.Exact(Torch.From(new[] { 1.0f, float.NaN, float.NegativeInfinity }).IsInf(), R("isinf"));
    }

    [Fact]
    public void Softmax_and_log_softmax_match_PyTorch_and_normalise()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(5, [3, 4]);
        var s = x.Softmax(-1);
        TensorAssert.Close(s, R("softmax"), Tol);
        TensorAssert.Close(s.Sum(-1), [1.0, 1.0, 1.0], 1e-15, 1e-15);
        TensorAssert.Close(x.LogSoftmax(1), R("log_softmax"), Tol);
        TensorAssert.Close(x.Float().Softmax(0), R("softmax32"), 1e-6);
    }

    [Fact]
    public void Rounding_functions_match_PyTorch_and_round_halves_to_even()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(5, [3, 4]) * 3;
        TensorAssert.Exact(x.Floor(), R("floor"));
        TensorAssert.Exact(x.Ceil(), R("ceil"));
        TensorAssert.Exact(x.Trunc(), R("trunc"));
        TensorAssert.Exact(x.Round(), R("round"));
        var halves = Torch.From(new[] { -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f, 0.49999997f, 2.4f }).Round();
        halves.ToArray<float>().Should().Equal(-2f, -2f, -0f, 0f, 2f, 2f, 0f, 2f);
        TensorAssert.Exact(halves, R("round_halves"));
    }

    [Fact]
    public void Matrix_products_and_linear_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var m1 = Inputs.Randn(7, [3, 4, 5]);
        TensorAssert.Close(m1.Matmul(Inputs.Randn(8, [5, 2])), R("matmul"), Tol);
        TensorAssert.Close(Inputs.Randn(9, [2, 1, 3, 4]).Matmul(Inputs.Randn(10, [5, 4, 2])), R("matmul_bcast"), Tol);
        TensorAssert.Close(Inputs.Randn(11, [4, 5]).Matmul(Inputs.Randn(12, [5])), R("matmul_vec"), Tol);
        TensorAssert.Close(m1.Bmm(Inputs.Randn(13, [3, 5, 2])), R("bmm"), Tol);
        TensorAssert.Close(Inputs.Randn(14, [6, 5]).Mm(Inputs.Randn(15, [5, 3])), R("mm"), Tol);
        TensorAssert.Close(Inputs.Randn(14, [6, 5], DType.Float32).Mm(Inputs.Randn(15, [5, 3], DType.Float32)), R("mm32"), 1e-6, 1e-6);
        TensorAssert.Close(Inputs.Randn(16, [3]).Outer(Inputs.Randn(17, [4])), R("outer"), Tol);
        TensorAssert.Close(Functional.Linear(Inputs.Randn(18, [2, 4, 5]), Inputs.Randn(19, [3, 5]), Inputs.Randn(20, [3])), R("linear"), Tol);
        TensorAssert.Close(Functional.Linear(Inputs.Randn(18, [2, 4, 5]), Inputs.Randn(19, [3, 5])), R("linear_nobias"), Tol);
        // By hand: [[1, 2], [3, 4]] x [[5], [6]] = [[17], [39]].
        Torch.From(new[] { 1.0, 2, 3, 4 }, 2, 2).Mm(Torch.From(new[] { 5.0, 6 }, 2, 1)).ToArray<double>().Should().Equal(17, 39);
    }

    [Fact]
    public void In_place_operations_modify_the_tensor_and_return_it()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(5, [3, 4]);
        var y = Inputs.Randn(6, [3, 4]);
        var z = Inputs.Randn(21, [3, 4]);
        var same = z.Add_(x[0], 2).Mul_(1.5).Sub_(0.25).Div_(y[0]).Addcmul_(x[1], y[1], 0.5).Addcdiv_(x[2], y[2].Abs() + 1, -2).Clamp_(-3, 3);
        same.Should().BeSameAs(z);
        TensorAssert.Close(z, R("inplace_chain"), Tol);
        var i = Torch.Arange(3);
        ((Action)(() => i.Add_(1.5))).Should().Throw<TorchException>().WithMessage("*can't be cast*");
    }
}
