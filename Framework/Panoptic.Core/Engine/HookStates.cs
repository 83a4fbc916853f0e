using Panoptic.Abstractions.Engine;
using Panoptic.Core.Engine.Checkpointing;

namespace Panoptic.Core.Engine;

/// <summary>The state of <see cref="IStatefulTrainingHook"/>s, keyed <c>{position}:{type}</c>, for checkpoints.</summary>
internal sealed class HookStates(IReadOnlyList<ITrainingHook> hooks)
{
    public IReadOnlyDictionary<string, string> Save()
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < hooks.Count; i++)
        {
            if (hooks[i] is IStatefulTrainingHook stateful)
                states[Key(i)] = stateful.SaveState();
        }
        return states;
    }

    /// <exception cref="CheckpointException">A stateful hook has no state in the checkpoint (hooks changed).</exception>
    public void Load(IReadOnlyDictionary<string, string> states)
    {
        for (var i = 0; i < hooks.Count; i++)
        {
            if (hooks[i] is not IStatefulTrainingHook stateful)
                continue;
            if (!states.TryGetValue(Key(i), out var state))
            {
                throw new CheckpointException(
                    $"hook {Key(i)} keeps state but the checkpoint has none for it (it has: {(states.Count == 0 ? "none" : string.Join(", ", states.Keys))}); resume with the runtime.hooks the checkpoint was written with");
            }
            stateful.LoadState(state);
        }
    }

    private string Key(int index) => $"{index}:{hooks[index].GetType().Name}";
}
