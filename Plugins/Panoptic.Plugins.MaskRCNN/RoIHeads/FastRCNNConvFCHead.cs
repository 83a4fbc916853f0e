using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>
/// The box head (detectron2 <c>FastRCNNConvFCHead</c>; torchvision <c>TwoMLPHead</c> is 0 convs + 2 FCs): 3×3
/// convolutions <c>conv1</c>… with norm and ReLU, then fully connected layers <c>fc1</c>… with ReLU.
/// Convolutions ~ MSRA fill, FCs ~ Xavier fill (detectron2's initialisation).
/// </summary>
[Component("FastRCNNConvFCHead", Description = "num_conv 3x3 convs then num_fc fully connected layers.")]
public sealed class FastRCNNConvFCHead : Module, IBoxHead
{
    private readonly List<ConvNorm2d> _convs = [];
    private readonly List<Linear> _fcs = [];

    public FastRCNNConvFCHead(FastRCNNConvFCHeadOptions options, BoxHeadContext context)
        : this(context.Input, options.NumConv, options.ConvDim, options.NumFc, options.FcDim, options.Norm)
    {
    }

    /// <summary>Builds the head by hand for pooled features of <paramref name="input"/> (C with fixed height and width).</summary>
    public FastRCNNConvFCHead(ShapeSpec input, int numConv, int convDim, int numFc, int fcDim, string norm = "")
    {
        if (numConv + numFc == 0)
            throw new ArgumentException("the box head needs at least one layer: num_conv + num_fc must be ≥ 1");
        var (height, width) = (input.Height ?? 1, input.Width ?? 1);
        long channels = input.Channels;
        for (var k = 0; k < numConv; k++)
        {
            var conv = RegisterModule($"conv{k + 1}", new ConvNorm2d(channels, convDim, 3, padding: 1, bias: norm.Length == 0, norm: norm, relu: true));
            WeightInit.MsraFill(conv.Weight, conv.Bias);
            _convs.Add(conv);
            channels = convDim;
        }
        long features = channels * height * width;
        for (var k = 0; k < numFc; k++)
        {
            var fc = RegisterModule($"fc{k + 1}", new Linear(features, fcDim));
            WeightInit.XavierFill(fc.Weight, fc.Bias);
            _fcs.Add(fc);
            features = fcDim;
        }
        OutputShape = numFc > 0 ? new ShapeSpec(fcDim) : new ShapeSpec((int)channels, Height: height, Width: width);
    }

    public ShapeSpec OutputShape { get; }

    public Tensor Forward(Tensor x)
    {
        var y = x.Alias();
        foreach (var conv in _convs)
            y = Replace(y, conv.Forward(y));
        if (_fcs.Count > 0)
            y = Replace(y, y.Flatten(1));
        foreach (var fc in _fcs)
            y = Replace(y, fc.Forward(y)).Relu_();
        return y;
    }

    private static Tensor Replace(Tensor old, Tensor next)
    {
        old.Dispose();
        return next;
    }
}
