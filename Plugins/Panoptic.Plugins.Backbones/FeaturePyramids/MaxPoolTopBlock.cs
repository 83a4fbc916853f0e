using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>P6 = max_pool2d(P5, kernel 1, stride 2) (detectron2 and torchvision <c>LastLevelMaxPool</c>).</summary>
public sealed class MaxPoolTopBlock : IFpnTopBlock
{
    public int LevelCount => 1;

    public IReadOnlyList<Tensor> Forward(Tensor lastOutput, Tensor lastInput) => [F.MaxPool2d(lastOutput, (1, 1), (2, 2))];
}
