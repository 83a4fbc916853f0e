using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Optim;

/// <summary>SGD and AdamW: five steps on the fixed problem equal torch.optim's (Fixtures/Reference/Optim/optim.py).</summary>
public class OptimizerTests
{
    private static RefValue R(string name) => Reference.Of("Optim/optim.py")[name];

    private static double Tol(DType dtype) => dtype == DType.Float64 ? 1e-12 : 1e-6;

    private static void FiveStepsMatch(string name, DType dtype, Func<Parameter, Parameter, Optimizer> make)
    {
        using var problem = new OptimProblem(dtype);
        using var optimizer = make(problem.P1, problem.P2);
        for (var i = 0; i < 5; i++)
        {
            optimizer.ZeroGrad();
            problem.Backward();
            optimizer.Step();
        }
        var prefix = $"{name}_{OptimProblem.Name(dtype)}";
        TensorAssert.Close(problem.P1, R(prefix + "_p1"), Tol(dtype), Tol(dtype) * 1e-2);
        TensorAssert.Close(problem.P2, R(prefix + "_p2"), Tol(dtype), Tol(dtype) * 1e-2);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Plain_SGD(DType dtype) =>
        FiveStepsMatch("sgd_plain", dtype, (a, b) => new SGD([a, b], 0.1));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SGD_with_nesterov_momentum_and_weight_decay(DType dtype) =>
        FiveStepsMatch("sgd_nesterov", dtype, (a, b) => new SGD([a, b], 0.1, momentum: 0.9, nesterov: true, weightDecay: 1e-2));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SGD_with_dampening(DType dtype) =>
        FiveStepsMatch("sgd_dampening", dtype, (a, b) => new SGD([a, b], 0.1, momentum: 0.8, dampening: 0.3, weightDecay: 0.05));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void SGD_with_two_param_groups_of_their_own_lr_and_weight_decay(DType dtype) =>
        FiveStepsMatch("sgd_groups", dtype, (a, b) =>
            new SGD([new ParamGroup([a]) { LearningRate = 0.05, WeightDecay = 0.1 }, new ParamGroup([b])], 0.2, momentum: 0.9));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void AdamW(DType dtype) =>
        FiveStepsMatch("adamw", dtype, (a, b) => new AdamW([a, b], 1e-2, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1));

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void AdamW_with_two_param_groups(DType dtype) =>
        FiveStepsMatch("adamw_groups", dtype, (a, b) =>
            new AdamW([new ParamGroup([a]) { WeightDecay = 0 }, new ParamGroup([b]) { LearningRate = 0.05 }], 1e-2));

    [Fact]
    public void State_is_exported_by_name_and_restores_into_a_fresh_optimizer()
    {
        using var problem = new OptimProblem(DType.Float64);
        using var twin = new OptimProblem(DType.Float64);
        using var a = new AdamW([problem.P1, problem.P2], 1e-2);
        using var b = new AdamW([twin.P1, twin.P2], 1e-2);
        for (var i = 0; i < 2; i++)
        {
            problem.Backward();
            a.Step();
            problem.P1.Grad = problem.P2.Grad = null;
        }
        a.StateTensors().Select(kv => kv.Key).Should().Equal("0.0.exp_avg", "0.0.exp_avg_sq", "0.1.exp_avg", "0.1.exp_avg_sq");
        a.StepCounts[0].Should().Equal(2, 2);
        b.LoadStateTensors(a.StateTensors());
        foreach (var ((ka, ta), (kb, tb)) in a.StateTensors().Zip(b.StateTensors()))
        {
            kb.Should().Be(ka);
            TensorAssert.Values(tb).Should().Equal(TensorAssert.Values(ta));
        }
        ((Action)(() => b.LoadStateTensors([new("0.5.exp_avg", problem.P1)]))).Should().Throw<ArgumentException>().WithMessage("*does not exist*");
    }
}
