using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Optim;

/// <summary>
/// The fixed tiny problem of Fixtures/Reference/Optim/optim.py: p1 = wave(3, 4), p2 = randn(40, 5) and
/// loss = Σ tanh(p1)·c1 + Σ p2³·c2 with c1 = randn(41, 3, 4), c2 = randn(42, 5).
/// </summary>
internal sealed class OptimProblem : IDisposable
{
    private readonly Tensor _c1;
    private readonly Tensor _c2;

    public OptimProblem(DType dtype)
    {
        using (var w = Inputs.Wave([3, 4], dtype)) P1 = new Parameter(w);
        using (var r = Inputs.Randn(40, [5], dtype)) P2 = new Parameter(r);
        _c1 = Inputs.Randn(41, [3, 4], dtype);
        _c2 = Inputs.Randn(42, [5], dtype);
    }

    public Parameter P1 { get; }
    public Parameter P2 { get; }

    /// <summary>"float32" or "float64", as the reference names use.</summary>
    public static string Name(DType dtype) => dtype.Name();

    /// <summary>Computes the loss and accumulates its gradients into the parameters.</summary>
    public void Backward()
    {
        using var scope = Torch.NewDisposeScope();
        ((P1.Tanh() * _c1).Sum() + (P2 * P2 * P2 * _c2).Sum()).Backward();
    }

    public void Dispose()
    {
        P1.Dispose();
        P2.Dispose();
        _c1.Dispose();
        _c2.Dispose();
    }
}
