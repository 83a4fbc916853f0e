using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.TestPlugins.TinyModel;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// A tiny model for engine tests: from each image's per-channel means (÷255) it predicts the number of non-crowd
/// annotations ÷ 10 and the image's mean ÷ 255 (losses <c>loss_count</c>, <c>loss_color</c>, MSE over the batch).
/// Linear → GroupNorm → ReLU → Dropout → Linear.
/// </summary>
[Component("TinyRegressor", Description = "A tiny regression model for engine tests.")]
public sealed class TinyRegressor : Module, IMetaArchitecture
{
    private readonly Linear _hidden;
    private readonly GroupNorm _norm;
    private readonly Linear _output;
    private readonly double _dropout;
    private readonly int _nanAtCall;
    private int _calls;

    public TinyRegressor(TinyRegressorOptions options, MetaArchitectureContext context)
    {
        _ = context;
        _hidden = RegisterModule("hidden", new Linear(3, options.Hidden));
        _norm = RegisterModule("norm", new GroupNorm(2, options.Hidden));
        _output = RegisterModule("output", new Linear(options.Hidden, 2));
        if (options.PaddingParameters > 0)
            RegisterParameter("padding", Torch.Zeros([options.PaddingParameters]), requiresGrad: false);
        _dropout = options.Dropout;
        _nanAtCall = options.NanAtCall;
    }

    public IReadOnlyDictionary<string, Tensor> Losses(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var predictions = Predict(batch);
        var counts = Torch.From(batch.Select(i => (float)(i.Record?.Annotations.Count(a => !a.IsCrowd) ?? 0) / 10).ToArray(), batch.Count);
        var colors = Torch.Stack(batch.Select(i => i.Image.Mean() / 255).ToList());
        var count = F.MseLoss(predictions.Select(1, 0), counts);
        var color = F.MseLoss(predictions.Select(1, 1), colors);
        if (_calls++ == _nanAtCall)
            count = count * double.NaN;
        return new Dictionary<string, Tensor> { ["loss_count"] = scope.MoveToOuter(count), ["loss_color"] = scope.MoveToOuter(color) };
    }

    /// <summary>One <see cref="Instances"/> per image with a single field <c>scores</c>: the predicted count ÷ 10.</summary>
    public IReadOnlyList<ModelOutput> Inference(IReadOnlyList<ModelInput> batch)
    {
        using var noGrad = Torch.NoGrad();
        using var predictions = Predict(batch);
        var counts = predictions.Select(1, 0).ToArray<float>();
        return batch.Select((input, i) => new ModelOutput
        {
            Instances = new Instances(input.Height, input.Width).Set("scores", Torch.From([counts[i]], 1)),
        }).ToList();
    }

    private Tensor Predict(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var features = Torch.Stack(batch.Select(i => i.Image.Mean([1, 2]) / 255).ToList());
        var hidden = F.Relu(_norm.Forward(_hidden.Forward(features)));
        if (_dropout > 0)
            hidden = F.Dropout(hidden, _dropout, Training);
        return scope.MoveToOuter(_output.Forward(hidden));
    }
}
