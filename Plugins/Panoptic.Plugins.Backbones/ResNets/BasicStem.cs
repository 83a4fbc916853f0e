using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>
/// The ResNet stem (detectron2 <c>BasicStem</c>): 7×7 stride-2 convolution with norm and ReLU (child <c>conv1</c>),
/// then 3×3 stride-2 max pooling. (N, C, H, W) → (N, out, ⌈H/4⌉, ⌈W/4⌉).
/// </summary>
public sealed class BasicStem : Module<Tensor, Tensor>
{
    public BasicStem(long inChannels, long outChannels, string norm)
    {
        Conv1 = RegisterModule("conv1", new ConvNorm2d(inChannels, outChannels, 7, stride: 2, padding: 3, bias: false, norm: norm, relu: true));
        WeightInit.MsraFill(Conv1.Weight, Conv1.Bias);
    }

    public ConvNorm2d Conv1 { get; }

    public override Tensor Forward(Tensor input)
    {
        using var x = Conv1.Forward(input);
        return F.MaxPool2d(x, (3, 3), (2, 2), (1, 1));
    }
}
