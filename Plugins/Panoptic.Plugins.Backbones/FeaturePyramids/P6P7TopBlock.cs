using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>
/// RetinaNet's extra levels (detectron2 <c>LastLevelP6P7</c>): P6 = conv3×3/2(res5), P7 = conv3×3/2(relu(P6)).
/// State <c>p6.*</c>, <c>p7.*</c>.
/// </summary>
public sealed class P6P7TopBlock : Module, IFpnTopBlock
{
    public P6P7TopBlock(long inChannels, long outChannels)
    {
        P6 = RegisterModule("p6", new ConvNorm2d(inChannels, outChannels, 3, stride: 2, padding: 1));
        P7 = RegisterModule("p7", new ConvNorm2d(outChannels, outChannels, 3, stride: 2, padding: 1));
        WeightInit.XavierFill(P6.Weight, P6.Bias);
        WeightInit.XavierFill(P7.Weight, P7.Bias);
    }

    public ConvNorm2d P6 { get; }

    public ConvNorm2d P7 { get; }

    public int LevelCount => 2;

    public IReadOnlyList<Tensor> Forward(Tensor lastOutput, Tensor lastInput)
    {
        var p6 = P6.Forward(lastInput);
        using var activated = p6.Relu();
        return [p6, P7.Forward(activated)];
    }
}
