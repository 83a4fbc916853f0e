namespace Panoptic.Torch.NN.Modules;

/// <summary>Transposed 2-D convolution (<c>torch.nn.ConvTranspose2d</c>); weight (Cin, Cout/groups, k, k).</summary>
public sealed class ConvTranspose2d : Module<Tensor, Tensor>
{
    public ConvTranspose2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long outputPadding = 0, long groups = 1, bool bias = true, long dilation = 1, DType dtype = DType.Float32)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must be divisible by groups ({groups})");
        (Stride, Padding, OutputPadding, Groups, Dilation) = (stride, padding, outputPadding, groups, dilation);
        (Weight, Bias) = RegisterWeightAndBias([inChannels, outChannels / groups, kernelSize, kernelSize], outChannels, bias, dtype);
    }

    public Parameter Weight { get; }
    public Parameter? Bias { get; }
    public long Stride { get; }
    public long Padding { get; }
    public long OutputPadding { get; }
    public long Groups { get; }
    public long Dilation { get; }

    public override Tensor Forward(Tensor input) =>
        Functional.ConvTranspose2d(input, Weight, Bias, (Stride, Stride), (Padding, Padding), (OutputPadding, OutputPadding), Groups, (Dilation, Dilation));
}
