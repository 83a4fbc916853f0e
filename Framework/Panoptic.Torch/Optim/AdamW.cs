using Panoptic.Torch.Native;
using Panoptic.Torch.NN;

namespace Panoptic.Torch.Optim;

/// <summary>AdamW (decoupled weight decay) with torch.optim.AdamW's exact update (no amsgrad).</summary>
public sealed class AdamW : Optimizer
{
    private readonly List<Tensor?[]> _expAvg;
    private readonly List<Tensor?[]> _expAvgSq;
    private readonly List<long[]> _steps;

    public AdamW(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2, bool maximize = false)
        : this([new ParamGroup(parameters)], learningRate, beta1, beta2, eps, weightDecay, maximize) { }

    public AdamW(IEnumerable<ParamGroup> groups, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double eps = 1e-8, double weightDecay = 1e-2, bool maximize = false)
        : base(groups, learningRate, weightDecay)
    {
        if (beta1 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "must be in [0, 1)");
        if (beta2 is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "must be in [0, 1)");
        (Beta1, Beta2, Eps, Maximize) = (beta1, beta2, eps, maximize);
        _expAvg = ParamGroups.Select(g => new Tensor?[g.Parameters.Count]).ToList();
        _expAvgSq = ParamGroups.Select(g => new Tensor?[g.Parameters.Count]).ToList();
        _steps = ParamGroups.Select(g => new long[g.Parameters.Count]).ToList();
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Eps { get; }
    public bool Maximize { get; }

    public override unsafe void Step()
    {
        for (var gi = 0; gi < ParamGroups.Count; gi++)
        {
            var g = ParamGroups[gi];
            var ps = Handles(g.Parameters);
            var m = RawHandles(_expAvg[gi]);
            var v = RawHandles(_expAvgSq[gi]);
            try
            {
                fixed (IntPtr* pp = ps) fixed (IntPtr* pm = m) fixed (IntPtr* pv = v) fixed (long* st = _steps[gi])
                    Checked.Status(NativeMethods.pn_optim_adamw_step(pp, pm, pv, st, ps.Length, g.LearningRate!.Value, Beta1, Beta2, Eps,
                        g.WeightDecay!.Value, Maximize ? 1 : 0));
            }
            finally
            {
                // Moments created before a failure are owned (and kept) all the same.
                Adopt(m, _expAvg[gi]);
                Adopt(v, _expAvgSq[gi]);
            }
            GC.KeepAlive(g.Parameters);
            GC.KeepAlive(_expAvg[gi]);
            GC.KeepAlive(_expAvgSq[gi]);
        }
    }

    public override IReadOnlyList<KeyValuePair<string, Tensor>> StateTensors()
    {
        var result = new List<KeyValuePair<string, Tensor>>();
        for (var gi = 0; gi < ParamGroups.Count; gi++)
            for (var i = 0; i < _steps[gi].Length; i++)
            {
                if (_expAvg[gi][i] is not { } m || _expAvgSq[gi][i] is not { } v) continue;
                result.Add(new($"{gi}.{i}.exp_avg", m));
                result.Add(new($"{gi}.{i}.exp_avg_sq", v));
            }
        return result;
    }

    /// <summary>Per-parameter step counts (<c>{group}.{index}</c> → steps), saved alongside the state tensors.</summary>
    public IReadOnlyList<long[]> StepCounts => _steps;

    public override void LoadStateTensors(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        foreach (var (name, value) in state)
        {
            var (gi, i, slot) = OptimizerStateName.Parse(name, _steps.Select(s => s.Length).ToArray());
            var slots = slot switch
            {
                "exp_avg" => _expAvg,
                "exp_avg_sq" => _expAvgSq,
                _ => throw new ArgumentException($"AdamW has no state slot '{slot}' (in '{name}'); valid: exp_avg, exp_avg_sq"),
            };
            slots[gi][i]?.Dispose();
            slots[gi][i] = Copy(value, ParamGroups[gi].Parameters[i]);
        }
    }

    public override void Dispose()
    {
        foreach (var list in new[] { _expAvg, _expAvgSq })
            foreach (var b in list)
                for (var i = 0; i < b.Length; i++)
                {
                    b[i]?.Dispose();
                    b[i] = null;
                }
    }
}
