using System.Collections;

namespace Panoptic.Torch.NN.Modules;

/// <summary>Runs its modules in order (<c>torch.nn.Sequential</c>); members are named "0", "1", ...</summary>
public sealed class Sequential : Module<Tensor, Tensor>, IEnumerable<Module<Tensor, Tensor>>
{
    private readonly List<Module<Tensor, Tensor>> _layers = [];

    public Sequential(params Module<Tensor, Tensor>[] layers)
    {
        foreach (var layer in layers) Append(layer);
    }

    public Sequential Append(Module<Tensor, Tensor> layer)
    {
        RegisterModule(_layers.Count.ToString(), layer);
        _layers.Add(layer);
        return this;
    }

    public int Count => _layers.Count;

    public Module<Tensor, Tensor> this[int index] => _layers[index];

    /// <summary>Intermediate results are disposed as soon as the next layer has consumed them.</summary>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        foreach (var layer in _layers)
        {
            var y = layer.Forward(x);
            if (!ReferenceEquals(x, input)) x.Dispose();
            x = y;
        }
        return ReferenceEquals(x, input) ? input.Alias() : x;
    }

    public IEnumerator<Module<Tensor, Tensor>> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>An indexed list of submodules (<c>torch.nn.ModuleList</c>), named "0", "1", ...</summary>
public sealed class ModuleList<T> : Module, IReadOnlyList<T> where T : Module
{
    private readonly List<T> _items = [];

    public ModuleList(IEnumerable<T>? items = null)
    {
        foreach (var item in items ?? []) Add(item);
    }

    public void Add(T module)
    {
        RegisterModule(_items.Count.ToString(), module);
        _items.Add(module);
    }

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Submodules by name (<c>torch.nn.ModuleDict</c>), in insertion order.</summary>
public sealed class ModuleDict<T> : Module, IEnumerable<KeyValuePair<string, T>> where T : Module
{
    private readonly List<KeyValuePair<string, T>> _items = [];

    public void Add(string name, T module)
    {
        RegisterModule(name, module);
        _items.Add(new(name, module));
    }

    public T this[string name] =>
        _items.FirstOrDefault(kv => kv.Key == name).Value
        ?? throw new KeyNotFoundException($"no module '{name}' (have: {string.Join(", ", _items.Select(kv => kv.Key))})");

    public bool ContainsKey(string name) => _items.Any(kv => kv.Key == name);

    public int Count => _items.Count;

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
