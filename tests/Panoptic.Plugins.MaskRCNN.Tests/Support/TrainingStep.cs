using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;

namespace Panoptic.Plugins.MaskRCNN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>One training iteration as the tests run it: the model's losses summed, backward, gradient norm clipped at 10, an optimizer step.</summary>
public static class TrainingStep
{
    /// <returns>Each named loss's value before the step.</returns>
    public static IReadOnlyDictionary<string, double> Run(IMetaArchitecture model, IReadOnlyList<ModelInput> batch, SGD optimizer, IReadOnlyList<Parameter> parameters)
    {
        using var scope = Torch.NewDisposeScope();
        var losses = model.Losses(batch);
        optimizer.ZeroGrad();
        losses.Values.Aggregate((a, b) => a + b).Backward();
        GradClip.ClipGradNorm_(parameters, 10.0);
        optimizer.Step();
        return losses.ToDictionary(kv => kv.Key, kv => kv.Value.ToDouble());
    }
}
