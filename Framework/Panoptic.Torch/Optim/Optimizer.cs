using Panoptic.Torch.NN;

namespace Panoptic.Torch.Optim;

/// <summary>
/// Base of the optimizers: parameter groups with their own learning rate and weight decay, per-parameter state
/// tensors (owned here; exported by name for checkpoints), zero-grad.
/// </summary>
public abstract class Optimizer : IDisposable
{
    protected Optimizer(IEnumerable<ParamGroup> groups, double learningRate, double weightDecay)
    {
        ParamGroups = groups.ToList();
        if (ParamGroups.Count == 0 || ParamGroups.All(g => g.Parameters.Count == 0))
            throw new ArgumentException("optimizer got an empty parameter list");
        foreach (var g in ParamGroups)
        {
            g.LearningRate ??= learningRate;
            g.WeightDecay ??= weightDecay;
        }
    }

    public IReadOnlyList<ParamGroup> ParamGroups { get; }

    /// <summary>Applies one update from the current gradients (under no-grad).</summary>
    public abstract void Step();

    /// <summary>Clears every parameter's gradient (set to none, as PyTorch ≥ 2.0 does by default).</summary>
    public void ZeroGrad()
    {
        foreach (var g in ParamGroups)
            foreach (var p in g.Parameters)
                p.Grad = null;
    }

    /// <summary>
    /// The optimizer's state tensors by name (<c>{group}.{index}.{slot}</c>), for checkpoints. The tensors are the
    /// optimizer's own: do not dispose them.
    /// </summary>
    public abstract IReadOnlyList<KeyValuePair<string, Tensor>> StateTensors();

    /// <summary>Restores state saved by <see cref="StateTensors"/> (copies; unknown names are an error).</summary>
    public abstract void LoadStateTensors(IEnumerable<KeyValuePair<string, Tensor>> state);

    public abstract void Dispose();

    protected static IntPtr[] Handles(IReadOnlyList<Parameter> ps) => Torch.Handles(ps);

    /// <summary>Wraps the new native buffers written into <paramref name="raw"/> where <paramref name="slots"/> had none.</summary>
    protected static void Adopt(IntPtr[] raw, Tensor?[] slots)
    {
        for (var i = 0; i < slots.Length; i++)
            if (slots[i] == null && raw[i] != IntPtr.Zero)
                slots[i] = new Tensor(raw[i]).DetachFromDisposeScope();
    }

    protected static IntPtr[] RawHandles(Tensor?[] slots) =>
        slots.Select(t => t?.Handle.DangerousGetHandle() ?? IntPtr.Zero).ToArray();

    protected static Tensor Copy(Tensor value, Tensor? like) =>
        (like == null ? value.Clone() : value.To(like.Device, like.DType).Clone()).DetachFromDisposeScope();
}
