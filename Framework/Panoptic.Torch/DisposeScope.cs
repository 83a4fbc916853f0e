namespace Panoptic.Torch;

/// <summary>
/// Collects every tensor created on this thread while it is the innermost open scope, and disposes them when the
/// scope is disposed — except those moved out with <see cref="MoveToOuter{T}(T)"/> (they join the enclosing
/// scope, or become unscoped) or detached with <see cref="Detach{T}(T)"/>. Scopes nest.
/// <code>
/// using (var scope = Torch.NewDisposeScope())
/// {
///     var y = (x * 2 + 1).Relu();
///     result = scope.MoveToOuter(y.Sum());
/// }   // the intermediates are freed here
/// </code>
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? t_current;

    private readonly DisposeScope? _outer;
    private HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = t_current;
        t_current = this;
    }

    internal static DisposeScope? Current => t_current;

    /// <summary>Number of tensors this scope will dispose.</summary>
    public int Count => _tensors.Count;

    internal void Attach(Tensor t) => _tensors.Add(t);

    /// <summary>Moves <paramref name="t"/> to the enclosing scope (or leaves it unscoped) and returns it.</summary>
    public T MoveToOuter<T>(T t) where T : Tensor
    {
        if (_tensors.Remove(t)) _outer?.Attach(t);
        return t;
    }

    /// <summary>Removes <paramref name="t"/> from every scope: the caller owns it.</summary>
    public T Detach<T>(T t) where T : Tensor
    {
        for (var s = this; s != null; s = s._outer) s._tensors.Remove(t);
        return t;
    }

    /// <summary>Disposes the scoped tensors now and keeps the scope open (e.g. once per training iteration).</summary>
    public void DisposeEverything()
    {
        var tensors = _tensors;
        _tensors = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var t in tensors) t.Dispose();
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (t_current == this) t_current = _outer;
        DisposeEverything();
    }
}
