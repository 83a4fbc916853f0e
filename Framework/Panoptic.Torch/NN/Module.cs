namespace Panoptic.Torch.NN;

/// <summary>
/// Base of all layers (<c>torch.nn.Module</c>): parameters, buffers and submodules registered by name (in order),
/// recursive naming with dots, state dicts, train/eval, device/dtype moves and freezing. Subclasses register in
/// their constructor and implement <see cref="Module{TInput, TOutput}.Forward"/>.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<KeyValuePair<string, Parameter?>> _parameters = [];
    private readonly List<(string Name, Tensor? Tensor, bool Persistent)> _buffers = [];
    private readonly List<KeyValuePair<string, Module>> _modules = [];
    private bool _disposed;

    /// <summary>Whether the module is in training mode (<see cref="Train"/>/<see cref="Eval"/>).</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers a parameter (null stands for an absent one such as <c>bias=False</c>).</summary>
    protected Parameter? RegisterParameter(string name, Parameter? parameter)
    {
        CheckNewName(name);
        _parameters.Add(new(name, parameter));
        return parameter;
    }

    /// <summary>Registers <paramref name="data"/> as a new parameter and returns it.</summary>
    protected Parameter RegisterParameter(string name, Tensor data, bool requiresGrad = true) =>
        RegisterParameter(name, new Parameter(data, requiresGrad))!;

    /// <summary>Registers a buffer (state that is not trained, e.g. running statistics). The module takes ownership.</summary>
    protected Tensor? RegisterBuffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckNewName(name);
        tensor?.DetachFromDisposeScope();
        _buffers.Add((name, tensor, persistent));
        return tensor;
    }

    /// <summary>
    /// Registers "weight" of <paramref name="weightShape"/> and "bias" of <paramref name="biasSize"/> (or an absent bias),
    /// initialised as PyTorch's Linear/Conv layers are: kaiming_uniform(a=√5) on the weight, U(±1/√fan_in) on the bias.
    /// </summary>
    protected (Parameter Weight, Parameter? Bias) RegisterWeightAndBias(long[] weightShape, long biasSize, bool bias, DType dtype)
    {
        using var w = Torch.Empty(weightShape, dtype);
        var weight = RegisterParameter("weight", w);
        Parameter? b = null;
        if (bias)
        {
            using var data = Torch.Empty([biasSize], dtype);
            b = RegisterParameter("bias", data);
        }
        else
        {
            RegisterParameter("bias", (Parameter?)null);
        }
        Init.ResetLinearLike(weight, b);
        return (weight, b);
    }

    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckNewName(name);
        _modules.Add(new(name, module));
        return module;
    }

    private void CheckNewName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"invalid member name '{name}' (non-empty, no dots)", nameof(name));
        if (_parameters.Any(p => p.Key == name) || _buffers.Any(b => b.Name == name) || _modules.Any(m => m.Key == name))
            throw new ArgumentException($"'{name}' is already registered in {GetType().Name}", nameof(name));
    }

    /// <summary>Direct submodules in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedChildren() => _modules;

    /// <summary>This module ("") and all descendants with dotted names, depth first.</summary>
    public IEnumerable<KeyValuePair<string, Module>> NamedModules(string prefix = "")
    {
        yield return new(prefix, this);
        foreach (var (name, child) in _modules)
            foreach (var m in child.NamedModules(Join(prefix, name)))
                yield return m;
    }

    /// <summary>Parameters with dotted names (<c>layer1.0.conv1.weight</c>), in registration order.</summary>
    public IEnumerable<KeyValuePair<string, Parameter>> NamedParameters(bool recurse = true)
    {
        foreach (var (prefix, m) in recurse ? NamedModules() : [new("", this)])
            foreach (var (name, p) in m._parameters)
                if (p != null) yield return new(Join(prefix, name), p);
    }

    public IEnumerable<Parameter> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Value);

    /// <summary>Buffers with dotted names (all of them, persistent or not).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedBuffers(bool recurse = true)
    {
        foreach (var (prefix, m) in recurse ? NamedModules() : [new("", this)])
            foreach (var (name, b, _) in m._buffers)
                if (b != null) yield return new(Join(prefix, name), b);
    }

    /// <summary>
    /// Parameters and persistent buffers by dotted name, in PyTorch's order (per module: its parameters, its buffers,
    /// then its children). The tensors are the module's own: do not dispose them.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateDict()
    {
        var result = new List<KeyValuePair<string, Tensor>>();
        Collect(this, "", result);
        return result;

        static void Collect(Module m, string prefix, List<KeyValuePair<string, Tensor>> into)
        {
            foreach (var (name, p) in m._parameters)
                if (p != null) into.Add(new(Join(prefix, name), p));
            foreach (var (name, b, persistent) in m._buffers)
                if (b != null && persistent) into.Add(new(Join(prefix, name), b));
            foreach (var (name, child) in m._modules)
                Collect(child, Join(prefix, name), into);
        }
    }

    /// <summary>
    /// Copies values from <paramref name="stateDict"/> into this module's parameters and buffers (no graph recorded).
    /// Strict (the default): any missing or unexpected key is an error listing them all. A shape mismatch is always an
    /// error. Values are converted to each target's dtype and device.
    /// </summary>
    public LoadStateDictResult LoadStateDict(IEnumerable<KeyValuePair<string, Tensor>> stateDict, bool strict = true)
    {
        var own = StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        var given = new Dictionary<string, Tensor>();
        var unexpected = new List<string>();
        foreach (var (name, value) in stateDict)
        {
            if (own.ContainsKey(name)) given[name] = value;
            else unexpected.Add(name);
        }
        var missing = own.Keys.Where(k => !given.ContainsKey(k)).ToList();
        var mismatched = given
            .Where(kv => !own[kv.Key].Shape.SequenceEqual(kv.Value.Shape))
            .Select(kv => $"{kv.Key}: checkpoint [{string.Join(", ", kv.Value.Shape)}], model [{string.Join(", ", own[kv.Key].Shape)}]")
            .ToList();
        var problems = new List<string>();
        if (mismatched.Count > 0) problems.Add("size mismatch for " + string.Join("; ", mismatched));
        if (strict && missing.Count > 0) problems.Add("missing keys: " + string.Join(", ", missing));
        if (strict && unexpected.Count > 0) problems.Add("unexpected keys: " + string.Join(", ", unexpected));
        if (problems.Count > 0)
            throw new StateDictException($"Error(s) in loading state dict for {GetType().Name}:\n  " + string.Join("\n  ", problems));

        using (Torch.NoGrad())
        using (var scope = Torch.NewDisposeScope())
        {
            foreach (var (name, value) in given)
            {
                var target = own[name];
                target.Copy_(value.To(target.Device, target.DType));
            }
        }
        return new LoadStateDictResult(missing, unexpected);
    }

    /// <summary>Sets training mode on this module and all descendants.</summary>
    public Module Train(bool on = true)
    {
        foreach (var (_, m) in NamedModules()) m.Training = on;
        return this;
    }

    public Module Eval() => Train(false);

    /// <summary>Moves/converts every parameter and buffer in place (floating-point ones take <paramref name="dtype"/>).</summary>
    public Module To(Device device, DType? dtype = null)
    {
        using (Torch.NoGrad())
        {
            foreach (var t in Parameters().Cast<Tensor>().Concat(NamedBuffers().Select(b => b.Value)))
            {
                var target = dtype is { } d && t.DType.IsFloatingPoint() ? d : t.DType;
                if (t.Device == device && t.DType == target) continue;
                using var moved = t.To(device, target);
                t.SetData(moved);
            }
        }
        return this;
    }

    /// <summary>Sets <c>requires_grad</c> on every parameter (false freezes the module).</summary>
    public Module RequiresGrad_(bool requiresGrad = true)
    {
        foreach (var p in Parameters()) p.RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.Grad = null;
    }

    /// <summary>Disposes parameters, buffers and submodules.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var (_, p) in _parameters) p?.Dispose();
        foreach (var (_, b, _) in _buffers) b?.Dispose();
        foreach (var (_, m) in _modules) m.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;
}

/// <summary>A module with a typed forward pass.</summary>
public abstract class Module<TInput, TOutput> : Module
{
    /// <summary>The computation (PyTorch's <c>forward</c>).</summary>
    public abstract TOutput Forward(TInput input);

    /// <summary>Calls <see cref="Forward"/> (PyTorch's <c>module(x)</c>).</summary>
    public TOutput Call(TInput input) => Forward(input);
}
