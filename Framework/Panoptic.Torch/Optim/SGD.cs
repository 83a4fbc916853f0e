using Panoptic.Torch.Native;
using Panoptic.Torch.NN;

namespace Panoptic.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with momentum, dampening, Nesterov and L2 weight decay, with torch.optim.SGD's exact
/// update (the first step initialises the momentum buffer with the gradient). The loop runs natively, one call per group.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly List<Tensor?[]> _buffers;

    public SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], learningRate, momentum, dampening, weightDecay, nesterov, maximize) { }

    public SGD(IEnumerable<ParamGroup> groups, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(groups, learningRate, weightDecay)
    {
        if (learningRate < 0) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be >= 0");
        if (momentum < 0) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "must be >= 0");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        (Momentum, Dampening, Nesterov, Maximize) = (momentum, dampening, nesterov, maximize);
        _buffers = ParamGroups.Select(g => new Tensor?[g.Parameters.Count]).ToList();
    }

    public double Momentum { get; }
    public double Dampening { get; }
    public bool Nesterov { get; }
    public bool Maximize { get; }

    public override unsafe void Step()
    {
        for (var gi = 0; gi < ParamGroups.Count; gi++)
        {
            var g = ParamGroups[gi];
            var ps = Handles(g.Parameters);
            var bufs = RawHandles(_buffers[gi]);
            try
            {
                fixed (IntPtr* pp = ps) fixed (IntPtr* pb = bufs)
                    Checked.Status(NativeMethods.pn_optim_sgd_step(pp, pb, ps.Length, g.LearningRate!.Value, Momentum, Dampening,
                        g.WeightDecay!.Value, Nesterov ? 1 : 0, Maximize ? 1 : 0));
            }
            finally
            {
                Adopt(bufs, _buffers[gi]); // buffers created before a failure are owned all the same
            }
            GC.KeepAlive(g.Parameters);
            GC.KeepAlive(_buffers[gi]);
        }
    }

    public override IReadOnlyList<KeyValuePair<string, Tensor>> StateTensors() =>
        _buffers.SelectMany((b, gi) => b.Select((t, i) => (t, i))
            .Where(x => x.t != null)
            .Select(x => new KeyValuePair<string, Tensor>($"{gi}.{x.i}.momentum_buffer", x.t!))).ToList();

    public override void LoadStateTensors(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        foreach (var (name, value) in state)
        {
            var (gi, i, slot) = OptimizerStateName.Parse(name, _buffers.Select(b => b.Length).ToArray());
            if (slot != "momentum_buffer") throw new ArgumentException($"SGD has no state slot '{slot}' (in '{name}')");
            _buffers[gi][i]?.Dispose();
            _buffers[gi][i] = Copy(value, ParamGroups[gi].Parameters[i]);
        }
    }

    public override void Dispose()
    {
        foreach (var b in _buffers)
            for (var i = 0; i < b.Length; i++)
            {
                b[i]?.Dispose();
                b[i] = null;
            }
    }
}
