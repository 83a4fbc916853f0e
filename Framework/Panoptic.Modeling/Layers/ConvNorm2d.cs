using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Modeling.Layers;

/// <summary>
/// A 2-D convolution followed by an optional normalisation (child <c>norm</c>) and an optional ReLU (detectron2
/// <c>layers.Conv2d</c>): state <c>weight</c>, <c>bias</c> (absent when <c>bias</c> is false), <c>norm.*</c>.
/// (N, Cin, H, W) → (N, Cout, H', W').
/// </summary>
public sealed class ConvNorm2d : Module<Tensor, Tensor>
{
    /// <summary>
    /// <c>norm</c> is a <see cref="Norms"/> name ("" for none); <c>bias</c> says whether the convolution has one (detectron2
    /// drops it when a norm follows); <c>relu</c> applies ReLU after the norm. Weights keep PyTorch's default
    /// initialisation: callers apply their own (<see cref="WeightInit"/>).
    /// </summary>
    public ConvNorm2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
        long groups = 1, bool bias = true, string norm = "", bool relu = false)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"in_channels ({inChannels}) and out_channels ({outChannels}) must be divisible by groups ({groups})");
        (Stride, Padding, Dilation, Groups, Relu) = (stride, padding, dilation, groups, relu);
        (Weight, Bias) = RegisterWeightAndBias([outChannels, inChannels / groups, kernelSize, kernelSize], outChannels, bias, DType.Float32);
        Norm = Norms.Create(norm, outChannels);
        if (Norm is not null)
            RegisterModule("norm", Norm);
    }

    public Parameter Weight { get; }

    public Parameter? Bias { get; }

    public Module<Tensor, Tensor>? Norm { get; }

    public long Stride { get; }

    public long Padding { get; }

    public long Dilation { get; }

    public long Groups { get; }

    public bool Relu { get; }

    public override Tensor Forward(Tensor input)
    {
        var y = F.Conv2d(input, Weight, Bias, (Stride, Stride), (Padding, Padding), (Dilation, Dilation), Groups);
        if (Norm is not null)
            y = Replace(y, Norm.Forward(y));
        if (Relu)
            y.Relu_();
        return y;
    }

    private static Tensor Replace(Tensor old, Tensor next)
    {
        old.Dispose();
        return next;
    }
}
