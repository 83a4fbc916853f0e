using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>
/// The Mask R-CNN mask head (detectron2 <c>MaskRCNNConvUpsampleHead</c>; torchvision <c>MaskRCNNHeads</c> +
/// <c>MaskRCNNPredictor</c>): 3×3 convolutions <c>mask_fcn1</c>… with norm and ReLU, a 2×2 stride-2
/// deconvolution <c>deconv</c> with ReLU, and a 1×1 <c>predictor</c> to one mask per class (or one for all).
/// (R, C, S, S) → (R, K, 2S, 2S). Convolutions ~ MSRA fill, predictor ~ N(0, 0.001²).
/// </summary>
[Component("MaskRCNNConvUpsample", Description = "num_conv 3x3 convs, 2x2 deconv (x2), 1x1 per-class predictor.")]
public sealed class MaskRCNNConvUpsampleHead : Module, IMaskHead
{
    private readonly List<ConvNorm2d> _convs = [];

    public MaskRCNNConvUpsampleHead(MaskRCNNConvUpsampleOptions options, MaskHeadContext context)
        : this(context.Input, options.ClsAgnosticMask ? 1 : context.NumClasses, options.NumConv, options.ConvDim, options.Norm)
    {
    }

    /// <summary>Builds the head by hand: <paramref name="numMasks"/> output masks (classes, or 1 when class-agnostic).</summary>
    public MaskRCNNConvUpsampleHead(ShapeSpec input, int numMasks, int numConv, int convDim = 256, string norm = "")
    {
        long channels = input.Channels;
        for (var k = 0; k < numConv; k++)
        {
            var conv = RegisterModule($"mask_fcn{k + 1}", new ConvNorm2d(channels, convDim, 3, padding: 1, bias: norm.Length == 0, norm: norm, relu: true));
            WeightInit.MsraFill(conv.Weight, conv.Bias);
            _convs.Add(conv);
            channels = convDim;
        }
        Deconv = RegisterModule("deconv", new ConvTranspose2d(channels, convDim, 2, stride: 2));
        WeightInit.MsraFill(Deconv.Weight, Deconv.Bias);
        Predictor = RegisterModule("predictor", new Conv2d(convDim, numMasks, 1));
        WeightInit.NormalFill(Predictor.Weight, Predictor.Bias, 0.001);
    }

    public ConvTranspose2d Deconv { get; }

    public Conv2d Predictor { get; }

    public Tensor Forward(Tensor x)
    {
        var y = x.Alias();
        foreach (var conv in _convs)
        {
            var next = conv.Forward(y);
            y.Dispose();
            y = next;
        }
        using var upsampled = Deconv.Forward(y).Relu_();
        y.Dispose();
        return Predictor.Forward(upsampled);
    }
}
