using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>
/// An MLP mask head (the Mask R-CNN paper's Table 2e): flattened pooled features through fully connected layers
/// <c>fc1</c>… with ReLU, then a linear <c>predictor</c> to K·M·M logits. (R, C, S, S) → (R, K, M, M).
/// </summary>
[Component("MaskRCNNFCHead", Description = "MLP mask head: num_fc fully connected layers, then K x M x M logits.")]
public sealed class MaskRCNNFCHead : Module, IMaskHead
{
    private readonly List<Linear> _fcs = [];

    public MaskRCNNFCHead(MaskRCNNFCHeadOptions options, MaskHeadContext context)
        : this(context.Input, options.ClsAgnosticMask ? 1 : context.NumClasses, options.NumFc, options.FcDim, options.Resolution)
    {
    }

    /// <summary>Builds the head by hand for pooled features of <paramref name="input"/> (C with fixed height and width).</summary>
    public MaskRCNNFCHead(ShapeSpec input, int numMasks, int numFc, int fcDim, int resolution)
    {
        (NumMasks, Resolution) = (numMasks, resolution);
        long features = (long)input.Channels * (input.Height ?? 1) * (input.Width ?? 1);
        for (var k = 0; k < numFc; k++)
        {
            var fc = RegisterModule($"fc{k + 1}", new Linear(features, fcDim));
            WeightInit.XavierFill(fc.Weight, fc.Bias);
            _fcs.Add(fc);
            features = fcDim;
        }
        Predictor = RegisterModule("predictor", new Linear(features, (long)numMasks * resolution * resolution));
        WeightInit.NormalFill(Predictor.Weight, Predictor.Bias, 0.001);
    }

    public int NumMasks { get; }

    public int Resolution { get; }

    public Linear Predictor { get; }

    public Tensor Forward(Tensor x)
    {
        var y = x.Flatten(1);
        foreach (var fc in _fcs)
        {
            var next = fc.Forward(y).Relu_();
            y.Dispose();
            y = next;
        }
        using var logits = Predictor.Forward(y);
        y.Dispose();
        return logits.View(-1, NumMasks, Resolution, Resolution);
    }
}
