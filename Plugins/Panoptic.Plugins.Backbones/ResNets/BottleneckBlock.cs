using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>
/// The ResNet-50+ residual block (detectron2 <c>BottleneckBlock</c>, torchvision <c>Bottleneck</c>): 1×1 reduce,
/// 3×3 (grouped for ResNeXt, dilated in res5 with dilation 2), 1×1 expand, each with norm; a projection
/// <c>shortcut</c> when the channel count changes; ReLU after the sum. The stride sits on the first 1×1
/// (<c>stride_in_1x1</c>, MSRA weights) or on the 3×3 (torchvision). (N, in, H, W) → (N, out, H/stride, W/stride).
/// </summary>
public sealed class BottleneckBlock : Module<Tensor, Tensor>
{
    public BottleneckBlock(long inChannels, long outChannels, long bottleneckChannels, long stride, long groups, bool strideIn1x1, long dilation, string norm)
    {
        if (inChannels != outChannels)
            Shortcut = RegisterModule("shortcut", new ConvNorm2d(inChannels, outChannels, 1, stride: stride, bias: false, norm: norm));
        var (stride1x1, stride3x3) = strideIn1x1 ? (stride, 1L) : (1L, stride);
        Conv1 = RegisterModule("conv1", new ConvNorm2d(inChannels, bottleneckChannels, 1, stride: stride1x1, bias: false, norm: norm, relu: true));
        Conv2 = RegisterModule("conv2", new ConvNorm2d(bottleneckChannels, bottleneckChannels, 3, stride: stride3x3, padding: dilation,
            dilation: dilation, groups: groups, bias: false, norm: norm, relu: true));
        Conv3 = RegisterModule("conv3", new ConvNorm2d(bottleneckChannels, outChannels, 1, bias: false, norm: norm));
        foreach (var conv in new[] { Shortcut, Conv1, Conv2, Conv3 }.OfType<ConvNorm2d>())
            WeightInit.MsraFill(conv.Weight, conv.Bias);
    }

    public ConvNorm2d? Shortcut { get; }

    public ConvNorm2d Conv1 { get; }

    public ConvNorm2d Conv2 { get; }

    public ConvNorm2d Conv3 { get; }

    public override Tensor Forward(Tensor input)
    {
        using var a = Conv1.Forward(input);
        using var b = Conv2.Forward(a);
        var y = Conv3.Forward(b);
        return ResidualSum.AddAndRelu(y, input, Shortcut);
    }
}
