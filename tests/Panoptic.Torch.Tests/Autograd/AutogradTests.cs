using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Autograd;

/// <summary>Gradients, graph control, grad modes and the shim's example custom autograd function.</summary>
public class AutogradTests
{
    [Fact]
    public void ScaledSquare_forward_is_x_squared_times_scale_and_its_backward_passes_a_finite_difference_check()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From(new[] { -1.5, 0.0, 2.0 });
        Panoptic.Torch.Autograd.ScaledSquare(x, 3).ToArray<double>().Should().Equal(6.75, 0, 12);
        GradCheck.Check(t => Panoptic.Torch.Autograd.ScaledSquare(t[0], 0.7), [Inputs.Randn(1, [3, 4])]);
        var leaf = Torch.From(new[] { 1.0, -2.0 }, requiresGrad: true);
        var y = Panoptic.Torch.Autograd.ScaledSquare(leaf, 2.5);
        y.GradFnName.Should().Contain("ScaledSquare");
        y.Sum().Backward();
        leaf.Grad!.ToArray<double>().Should().Equal(5.0, -10.0);
    }

    [Fact]
    public void GradCheck_itself_rejects_a_wrong_gradient()
    {
        using var scope = Torch.NewDisposeScope();
        // d/dx (x · stopgrad(x)) is x for autograd but 2x for finite differences.
        var act = () => GradCheck.Check(t => t[0] * t[0].Detach(), [Inputs.Randn(2, [4])]);
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*analytic vs numeric*");
    }

    [Fact]
    public void Backward_accumulates_into_leaves_until_cleared()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From(new[] { 1.0, 2.0, 3.0 }, requiresGrad: true);
        x.IsLeaf.Should().BeTrue();
        x.Grad.Should().BeNull();
        var y = (x * x).Sum();
        y.GradFnName.Should().Be("SumBackward0");
        y.Backward(retainGraph: true);
        x.Grad!.ToArray<double>().Should().Equal(2, 4, 6);
        y.Backward();
        x.Grad!.ToArray<double>().Should().Equal(4, 8, 12);
        ((Action)(() => y.Backward())).Should().Throw<TorchException>().WithMessage("*backward through the graph a second time*");
        x.Grad = null;
        x.Grad.Should().BeNull();
        (x * 3).Backward(Torch.From(new[] { 1.0, 0.5, -1.0 }));
        x.Grad!.ToArray<double>().Should().Equal(3, 1.5, -3);
    }

    [Fact]
    public void Assigning_a_gradient_checks_its_shape_dtype_and_device_as_Python_does()
    {
        using var scope = Torch.NewDisposeScope();
        var p = Torch.Zeros([2, 3], requiresGrad: true);
        ((Action)(() => p.Grad = Torch.Ones([3, 2]))).Should().Throw<TorchException>().WithMessage("assigned grad has data of a different size*");
        ((Action)(() => p.Grad = Torch.Ones([2, 3], DType.Float64))).Should().Throw<TorchException>().WithMessage("assigned grad has data of a different type*");
        p.Grad.Should().BeNull();
        p.Grad = Torch.Full([2, 3], 0.5);
        p.Grad!.ToArray<float>().Should().OnlyContain(v => v == 0.5f);
    }

    [Fact]
    public void Autograd_grad_returns_gradients_without_touching_grad_and_null_for_unused_inputs()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Torch.From(new[] { 2.0, -1.0 }, requiresGrad: true);
        var b = Torch.From(new[] { 0.5, 4.0 }, requiresGrad: true);
        var unused = Torch.From(new[] { 7.0 }, requiresGrad: true);
        var y = (a * b + a.Exp()).Sum();
        var g = Panoptic.Torch.Autograd.Grad([y], [a, b, unused], allowUnused: true);
        g[0]!.ToArray<double>().Should().Equal(0.5 + Math.Exp(2), 4 + Math.Exp(-1));
        g[1]!.ToArray<double>().Should().Equal(2, -1);
        g[2].Should().BeNull();
        a.Grad.Should().BeNull();
        ((Action)(() => Panoptic.Torch.Autograd.Grad([(a * 2).Sum()], [unused]))).Should().Throw<TorchException>().WithMessage("*not have been used*");
    }

    [Fact]
    public void Create_graph_gives_second_derivatives()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From(new[] { 1.5, -2.0 }, requiresGrad: true);
        var y = (x * x * x).Sum();
        var dy = Panoptic.Torch.Autograd.Grad([y], [x], createGraph: true)[0]!;
        dy.ToArray<double>().Should().Equal(6.75, 12);
        var d2 = Panoptic.Torch.Autograd.Grad([dy.Sum()], [x])[0]!;
        d2.ToArray<double>().Should().Equal(9, -12);
    }

    [Fact]
    public void Retain_grad_keeps_the_gradient_of_an_intermediate()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From(new[] { 1.0, 2.0 }, requiresGrad: true);
        var h = x * 3;
        h.IsLeaf.Should().BeFalse();
        h.RetainGrad();
        (h * h).Sum().Backward();
        h.Grad!.ToArray<double>().Should().Equal(6, 12);
        x.Grad!.ToArray<double>().Should().Equal(18, 36);
    }

    [Fact]
    public void No_grad_inference_mode_and_detach_record_no_graph()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From(new[] { 1.0 }, requiresGrad: true);
        using (Torch.NoGrad())
        {
            Torch.IsGradEnabled.Should().BeFalse();
            (x * 2).RequiresGrad.Should().BeFalse();
            using (Torch.EnableGrad()) (x * 2).RequiresGrad.Should().BeTrue();
        }
        Torch.IsGradEnabled.Should().BeTrue();
        using (Torch.InferenceMode()) (x * 2).RequiresGrad.Should().BeFalse();
        var d = x.Detach();
        d.RequiresGrad.Should().BeFalse();
        (d * 2).GradFnName.Should().BeEmpty();
        (x * 2).GradFnName.Should().Be("MulBackward0");
        (x - 1).GradFnName.Should().Be("SubBackward0", "a number is passed as a wrapped tensor, as from Python");
    }
}
