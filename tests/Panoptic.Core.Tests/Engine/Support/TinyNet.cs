using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Core.Tests.Engine.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// A tiny model on 3×4×4 images: Linear(48, h) → GroupNorm(2, h) → ReLU → Dropout → Linear(h, 1), regressing the
/// image sum ÷ 10. Losses: <c>loss_mse</c> (mean over the batch) and <c>loss_abs</c> (0.1 × mean |prediction|). GroupNorm
/// normalises per sample, so a batch of 2 and two batches of 1 see the same statistics.
/// </summary>
internal sealed class TinyNet : Module, IMetaArchitecture
{
    private readonly Linear _hidden;
    private readonly GroupNorm _norm;
    private readonly Linear _output;
    private readonly double _dropout;
    private readonly int _nanAtCall;
    private int _calls;

    /// <param name="hidden">Hidden width.</param>
    /// <param name="dropout">Dropout probability (draws from the global generator).</param>
    /// <param name="nanAtCall">The training forward pass with this 0-based index returns a NaN loss; −1 never.</param>
    public TinyNet(int hidden = 8, double dropout = 0, int nanAtCall = -1)
    {
        _hidden = RegisterModule("hidden", new Linear(48, hidden));
        _norm = RegisterModule("norm", new GroupNorm(2, hidden));
        _output = RegisterModule("output", new Linear(hidden, 1));
        _dropout = dropout;
        _nanAtCall = nanAtCall;
    }

    public Linear Hidden => _hidden;

    public GroupNorm Norm => _norm;

    public IReadOnlyDictionary<string, Tensor> Losses(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var images = Torch.Stack(batch.Select(i => i.Image.Flatten()).ToList());
        var hidden = F.Relu(_norm.Forward(_hidden.Forward(images)));
        if (_dropout > 0)
            hidden = F.Dropout(hidden, _dropout, Training);
        var prediction = _output.Forward(hidden).Squeeze(1);
        var target = images.Sum(1) / 10;
        var mse = F.MseLoss(prediction, target);
        var abs = prediction.Abs().Mean() * 0.1;
        if (_calls++ == _nanAtCall)
            abs = abs * double.NaN;
        return new Dictionary<string, Tensor> { ["loss_mse"] = scope.MoveToOuter(mse), ["loss_abs"] = scope.MoveToOuter(abs) };
    }

    public IReadOnlyList<ModelOutput> Inference(IReadOnlyList<ModelInput> batch) => batch.Select(_ => new ModelOutput()).ToList();

    /// <summary>Copies of every parameter's values, by name.</summary>
    public Dictionary<string, float[]> Snapshot() => NamedParameters().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());
}
