using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>
/// The ResNet-18/34 residual block (detectron2 <c>BasicBlock</c>): two 3×3 convolutions with norm, a projection
/// <c>shortcut</c> when the channel count changes, ReLU after the sum. (N, in, H, W) → (N, out, H/stride, W/stride).
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    public BasicBlock(long inChannels, long outChannels, long stride, string norm)
    {
        if (inChannels != outChannels)
            Shortcut = RegisterModule("shortcut", new ConvNorm2d(inChannels, outChannels, 1, stride: stride, bias: false, norm: norm));
        Conv1 = RegisterModule("conv1", new ConvNorm2d(inChannels, outChannels, 3, stride: stride, padding: 1, bias: false, norm: norm, relu: true));
        Conv2 = RegisterModule("conv2", new ConvNorm2d(outChannels, outChannels, 3, padding: 1, bias: false, norm: norm));
        foreach (var conv in new[] { Shortcut, Conv1, Conv2 }.OfType<ConvNorm2d>())
            WeightInit.MsraFill(conv.Weight, conv.Bias);
    }

    public ConvNorm2d? Shortcut { get; }

    public ConvNorm2d Conv1 { get; }

    public ConvNorm2d Conv2 { get; }

    public override Tensor Forward(Tensor input)
    {
        using var a = Conv1.Forward(input);
        var y = Conv2.Forward(a);
        return ResidualSum.AddAndRelu(y, input, Shortcut);
    }
}
