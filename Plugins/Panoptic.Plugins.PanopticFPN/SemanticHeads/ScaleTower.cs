using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.PanopticFPN.SemanticHeads;

/// <summary>
/// One level's tower of the semantic FPN head (an entry of detectron2 <c>SemSegFPNHead.scale_heads</c>): blocks of
/// 3×3 conv + norm + ReLU, each followed by a ×2 bilinear upsampling (align_corners false) when the level is coarser
/// than the common stride. (N, C_in, H, W) → (N, C, H·2^u, W·2^u), u = upsamplings.
/// </summary>
/// <remarks>
/// Children are named by their index in detectron2's <c>nn.Sequential</c> (upsamplings take the odd indices), so
/// state names match detectron2's: <c>p4.0.weight</c>, <c>p4.0.norm.weight</c>, <c>p4.2.weight</c>, ….
/// </remarks>
public sealed class ScaleTower : Module<Tensor, Tensor>
{
    private readonly List<ConvNorm2d> _convs = [];

    /// <param name="inChannels">Channels of the level's feature.</param>
    /// <param name="convDims">Channels of every convolution.</param>
    /// <param name="blocks">Conv blocks (≥ 1).</param>
    /// <param name="upsample">Whether each block is followed by a ×2 upsampling.</param>
    /// <param name="norm">A <see cref="Norms"/> name; "" gives convolutions with bias and no norm.</param>
    public ScaleTower(long inChannels, long convDims, int blocks, bool upsample, string norm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        Upsample = upsample;
        var channels = inChannels;
        for (var k = 0; k < blocks; k++)
        {
            var conv = new ConvNorm2d(channels, convDims, 3, padding: 1, bias: norm.Length == 0, norm: norm, relu: true);
            WeightInit.MsraFill(conv.Weight, conv.Bias);
            _convs.Add(RegisterModule((upsample ? 2 * k : k).ToString(System.Globalization.CultureInfo.InvariantCulture), conv));
            channels = convDims;
        }
    }

    /// <summary>Whether each block ends with a ×2 upsampling.</summary>
    public bool Upsample { get; }

    /// <summary>The conv blocks, in order.</summary>
    public IReadOnlyList<ConvNorm2d> Convs => _convs;

    public override Tensor Forward(Tensor input)
    {
        var y = input.Alias();
        foreach (var conv in _convs)
        {
            var next = conv.Forward(y);
            y.Dispose();
            y = next;
            if (Upsample)
            {
                next = F.Interpolate(y, scaleFactor: (2.0, 2.0), mode: InterpolationMode.Bilinear, alignCorners: false);
                y.Dispose();
                y = next;
            }
        }
        return y;
    }
}
