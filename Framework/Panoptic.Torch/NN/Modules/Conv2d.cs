namespace Panoptic.Torch.NN.Modules;

/// <summary>2-D convolution (<c>torch.nn.Conv2d</c>): (N, Cin, H, W) → (N, Cout, H', W'). PyTorch's default init.</summary>
public sealed class Conv2d : Module<Tensor, Tensor>
{
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
        long groups = 1, bool bias = true, DType dtype = DType.Float32)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must be divisible by groups ({groups})");
        (Stride, Padding, Dilation, Groups) = (stride, padding, dilation, groups);
        (Weight, Bias) = RegisterWeightAndBias([outChannels, inChannels / groups, kernelSize, kernelSize], outChannels, bias, dtype);
    }

    public Parameter Weight { get; }
    public Parameter? Bias { get; }
    public long Stride { get; }
    public long Padding { get; }
    public long Dilation { get; }
    public long Groups { get; }

    public override Tensor Forward(Tensor input) =>
        Functional.Conv2d(input, Weight, Bias, (Stride, Stride), (Padding, Padding), (Dilation, Dilation), Groups);
}
