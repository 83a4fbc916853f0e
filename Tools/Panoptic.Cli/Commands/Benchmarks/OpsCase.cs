using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Cli.Commands.Benchmarks;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// One case of <c>panoptic benchmark ops</c>, mirrored one for one by Tools/peers/bench_ops.py (same shapes, inputs,
/// warm-up and repetition counts). <see cref="Make"/> builds the inputs and returns one timed iteration.
/// </summary>
internal sealed record OpsCase(string Name, string Description, int Warmup, int Reps, double MaxRatio, Func<bool, TensorBag, Action> Make)
{
    /// <summary>Chains of 100 elementwise ops per iteration of the chain case.</summary>
    public const int Chains = 200;

    public static IReadOnlyList<OpsCase> All { get; } =
    [
        new("conv2d", "conv2d 3x3 256->256 on 1x256x200x304, fwd+bwd", 2, 7, 1.05, Conv2d),
        new("linear", "linear 12544->1024 on 512 rows, fwd+bwd", 3, 15, 1.05, Linear),
        new("chain", "100 elementwise ops on 1x256x7x7 (per op)", 3, 11, 1.0, Chain),
    ];

    /// <summary>Whether the ratio must stay strictly below <see cref="MaxRatio"/> ("faster than") or may reach it.</summary>
    public bool Strict => Name == "chain";

    /// <summary>Milliseconds per iteration, or microseconds per op for the chain.</summary>
    public string Format(double seconds) => Name == "chain"
        ? FormattableString.Invariant($"{seconds / (Chains * 100) * 1e6:0.00} us/op")
        : FormattableString.Invariant($"{seconds * 1e3:0.0} ms");

    private static Action Conv2d(bool quick, TensorBag bag)
    {
        using var g = new Generator(0);
        var (h, w) = quick ? (50L, 76L) : (200L, 304L);
        var x = bag.Add(Torch.Randn([1, 256, h, w], generator: g)).RequiresGrad_();
        using var w0 = Torch.Randn([256, 256, 3, 3], generator: g);
        var weight = bag.Add(w0 * 0.02).RequiresGrad_();
        var bias = bag.Add(Torch.Zeros([256])).RequiresGrad_();
        var gy = bag.Add(Torch.Randn([1, 256, h, w], generator: g));
        return () =>
        {
            using (var y = F.Conv2d(x, weight, bias, padding: (1, 1))) y.Backward(gy);
            x.Grad = weight.Grad = bias.Grad = null;
        };
    }

    private static Action Linear(bool quick, TensorBag bag)
    {
        using var g = new Generator(0);
        var rows = quick ? 64L : 512L;
        var x = bag.Add(Torch.Randn([rows, 12544], generator: g)).RequiresGrad_();
        using var w0 = Torch.Randn([1024, 12544], generator: g);
        var weight = bag.Add(w0 * 0.01).RequiresGrad_();
        var bias = bag.Add(Torch.Zeros([1024])).RequiresGrad_();
        var gy = bag.Add(Torch.Randn([rows, 1024], generator: g));
        return () =>
        {
            using (var y = F.Linear(x, weight, bias)) y.Backward(gy);
            x.Grad = weight.Grad = bias.Grad = null;
        };
    }

    /// <summary>20 × (mul, add, relu, sub scalar, mul scalar) per chain; each intermediate is freed once consumed.</summary>
    private static Action Chain(bool quick, TensorBag bag)
    {
        using var g = new Generator(0);
        var x = bag.Add(Torch.Randn([1, 256, 7, 7], generator: g));
        var a = bag.Add(Torch.Rand([1, 256, 7, 7], generator: g));
        var b = bag.Add(Torch.Randn([1, 256, 7, 7], generator: g));
        return () =>
        {
            for (var c = 0; c < Chains; c++)
            {
                var y = x;
                for (var i = 0; i < 20; i++)
                {
                    y = Replace(y, x, y * a);
                    y = Replace(y, x, y + b);
                    y = Replace(y, x, y.Relu());
                    y = Replace(y, x, y - 0.5);
                    y = Replace(y, x, y * 0.9);
                }
                y.Dispose();
            }
        };
    }

    private static Tensor Replace(Tensor previous, Tensor input, Tensor next)
    {
        if (!ReferenceEquals(previous, input)) previous.Dispose();
        return next;
    }
}

/// <summary>Owns the inputs of a case (built outside any dispose scope so that timed iterations never touch one).</summary>
internal sealed class TensorBag : IDisposable
{
    private readonly List<Tensor> _tensors = [];

    public Tensor Add(Tensor t)
    {
        _tensors.Add(t);
        return t;
    }

    public void Dispose()
    {
        foreach (var t in _tensors) t.Dispose();
        _tensors.Clear();
    }
}
