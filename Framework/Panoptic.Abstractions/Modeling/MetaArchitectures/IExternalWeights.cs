using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling;

/// <summary>
/// A model that can take the weights of another framework's checkpoint (a torchvision <c>.pth</c> state dict) by
/// renaming and adapting them to its own names; <c>panoptic train --init-from W.pth</c> goes through it.
/// </summary>
public interface IExternalWeights
{
    /// <summary>
    /// <paramref name="source"/> (the foreign names and values, e.g. <c>backbone.body.layer1.0.conv1.weight</c>) as this
    /// model's state-dict names and values; entries it does not use are left out.
    /// </summary>
    /// <param name="source">The checkpoint's tensors, in file order (owned by the caller).</param>
    /// <param name="origin">What the checkpoint is, for messages (its path).</param>
    /// <exception cref="Panoptic.Torch.NN.StateDictException">The checkpoint does not fit the model (names listed).</exception>
    IReadOnlyList<KeyValuePair<string, Tensor>> MapExternalWeights(IReadOnlyList<KeyValuePair<string, Tensor>> source, string origin);
}
