namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// What an <see cref="Unpickler"/> delegates: which globals exist (an allow-list — nothing is ever imported or
/// executed), what calling one builds, object state (BUILD) and persistent ids. Failures are
/// <see cref="PickleException"/>s.
/// </summary>
internal interface IPickleResolver
{
    /// <summary>The value GLOBAL / STACK_GLOBAL push for <c>module.name</c>, or an error when it is not allowed.</summary>
    PickleValue ResolveGlobal(string module, string name);

    /// <summary>REDUCE, INST, OBJ: <c>callable(*args)</c>.</summary>
    PickleValue Call(PickleValue callable, PickleTuple args);

    /// <summary>NEWOBJ / NEWOBJ_EX: <c>cls.__new__(cls, *args)</c>.</summary>
    PickleValue NewObject(PickleValue cls, PickleTuple args);

    /// <summary>BUILD: applies <paramref name="state"/> to <paramref name="target"/> (<c>__setstate__</c> or <c>__dict__</c> update).</summary>
    void Build(PickleValue target, PickleValue state);

    /// <summary>PERSID / BINPERSID: the object a persistent id stands for.</summary>
    PickleValue PersistentLoad(PickleValue id);
}
