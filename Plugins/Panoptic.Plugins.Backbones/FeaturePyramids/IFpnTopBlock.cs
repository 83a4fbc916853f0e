using Panoptic.Torch;

namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>Extra pyramid levels computed above the last FPN level (detectron2's <c>top_block</c>).</summary>
public interface IFpnTopBlock
{
    /// <summary>How many levels it adds, each at twice the previous stride.</summary>
    int LevelCount { get; }

    /// <param name="lastOutput">The coarsest FPN output (P5), (N, C, H, W).</param>
    /// <param name="lastInput">The coarsest bottom-up input (res5), (N, C_in, H, W).</param>
    /// <returns>The extra levels, finest first.</returns>
    IReadOnlyList<Tensor> Forward(Tensor lastOutput, Tensor lastInput);
}
