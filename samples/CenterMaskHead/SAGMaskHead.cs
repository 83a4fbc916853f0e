using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace CenterMaskHead;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// CenterMask's spatial-attention-guided mask head (SAG-Mask, Lee &amp; Park, CVPR 2020):
/// <c>num_conv</c> 3×3 convolutions with ReLU (<c>mask_fcn1</c>…), a spatial attention module (<c>sam</c>: the
/// channel-wise max and mean maps, stacked, through a 3×3 convolution and a sigmoid, multiplied into the features),
/// a 2×2 stride-2 deconvolution with ReLU (<c>deconv</c>) and a 1×1 <c>predictor</c> to one mask per class.
/// (R, C, S, S) → (R, K, 2S, 2S).
/// </summary>
/// <remarks>
/// Construction contract of a <c>mask_head</c> component: a public constructor <c>(TOptions, MaskHeadContext)</c>; the
/// class is a <see cref="Module"/> implementing <see cref="IMaskHead"/>. The RoI heads register it as <c>mask_head</c>,
/// feed it the mask pooler's features and apply the mask loss to its logits (the class-<c>k</c> channel of each
/// foreground region against its ground truth cropped to the output size, which they probe from an empty batch).
/// Convolutions ~ MSRA fill (kaiming normal, fan_out), predictor ~ N(0, 0.001²), biases 0.
/// </remarks>
[Component("SAGMaskHead", Description = "CenterMask SAG-Mask: num_conv 3x3 convs, spatial attention (max+mean -> conv -> sigmoid), 2x2 deconv (x2), 1x1 per-class predictor.")]
public sealed class SAGMaskHead : Module, IMaskHead
{
    private readonly List<Conv2d> _convs = [];
    private readonly List<GroupNorm?> _norms = [];

    /// <summary>Builds the head from its config options (the plugin host's constructor).</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="context">Input shape (C, S×S pooled features) and the number of foreground classes.</param>
    public SAGMaskHead(SAGMaskHeadOptions options, MaskHeadContext context)
        : this(context.Input.Channels, options.ClsAgnosticMask ? 1 : context.NumClasses, options.NumConv, options.ConvDim,
            options.Norm, options.AttentionKernel)
    {
    }

    /// <summary>Builds the head by hand.</summary>
    /// <param name="inChannels">C, channels of the pooled features.</param>
    /// <param name="numMasks">K, output masks (classes, or 1 when class-agnostic).</param>
    /// <param name="numConv">3×3 convolutions before the attention.</param>
    /// <param name="convDim">Their channels (and the deconvolution's).</param>
    /// <param name="norm">"" or "GN".</param>
    /// <param name="attentionKernel">Odd kernel of the attention convolution.</param>
    public SAGMaskHead(long inChannels, int numMasks, int numConv = 4, int convDim = 256, string norm = "", int attentionKernel = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numConv, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(numMasks, 1);
        if (attentionKernel % 2 == 0)
            throw new ArgumentOutOfRangeException(nameof(attentionKernel), attentionKernel, "must be odd");
        var channels = inChannels;
        for (var k = 0; k < numConv; k++)
        {
            var conv = RegisterModule($"mask_fcn{k + 1}", new Conv2d(channels, convDim, 3, padding: 1, bias: norm.Length == 0));
            MsraFill(conv.Weight, conv.Bias);
            _convs.Add(conv);
            _norms.Add(norm switch
            {
                "" => null,
                "GN" => RegisterModule($"mask_fcn{k + 1}_norm", new GroupNorm(32, convDim)),
                _ => throw new ArgumentException($"unknown norm '{norm}' (expected \"\" or \"GN\")", nameof(norm)),
            });
            channels = convDim;
        }
        Attention = RegisterModule("sam", new Conv2d(2, 1, attentionKernel, padding: attentionKernel / 2));
        MsraFill(Attention.Weight, Attention.Bias);
        Deconv = RegisterModule("deconv", new ConvTranspose2d(channels, convDim, 2, stride: 2));
        MsraFill(Deconv.Weight, Deconv.Bias);
        Predictor = RegisterModule("predictor", new Conv2d(convDim, numMasks, 1));
        using (Torch.NoGrad())
        {
            Init.Normal_(Predictor.Weight, 0, 0.001);
            if (Predictor.Bias is not null)
                Init.Zeros_(Predictor.Bias);
        }
    }

    /// <summary>The attention convolution: (R, 2, S, S) stacked max and mean maps → (R, 1, S, S) attention logits.</summary>
    public Conv2d Attention { get; }

    /// <summary>The 2×2 stride-2 deconvolution: (R, D, S, S) → (R, D, 2S, 2S).</summary>
    public ConvTranspose2d Deconv { get; }

    /// <summary>The 1×1 predictor: (R, D, 2S, 2S) → (R, K, 2S, 2S).</summary>
    public Conv2d Predictor { get; }

    /// <param name="x">(R, C, S, S) float32 pooled region features.</param>
    /// <returns>(R, K, 2S, 2S) float32 mask logits.</returns>
    public Tensor Forward(Tensor x)
    {
        using var scope = Torch.NewDisposeScope();
        var y = x;
        for (var k = 0; k < _convs.Count; k++)
        {
            y = _convs[k].Forward(y);
            if (_norms[k] is { } norm)
                y = norm.Forward(y);
            y = y.Relu_();
        }
        var attended = y * SpatialAttention(y);
        var upsampled = Deconv.Forward(attended).Relu_();
        return scope.MoveToOuter(Predictor.Forward(upsampled));
    }

    /// <summary>The spatial attention map of <paramref name="features"/>.</summary>
    /// <param name="features">(R, D, S, S) features.</param>
    /// <returns>(R, 1, S, S) weights in (0, 1), broadcast over the channels.</returns>
    public Tensor SpatialAttention(Tensor features)
    {
        using var scope = Torch.NewDisposeScope();
        var (max, _) = features.Max(1, keepdim: true);
        var mean = features.Mean(1, keepdim: true);
        var stacked = Torch.Cat([max, mean], 1);
        return scope.MoveToOuter(Attention.Forward(stacked).Sigmoid());
    }

    /// <summary>detectron2's <c>c2_msra_fill</c>: weight ~ kaiming normal (fan_out, ReLU gain), bias 0.</summary>
    private static void MsraFill(Tensor weight, Tensor? bias)
    {
        using (Torch.NoGrad())
        {
            Init.KaimingNormal_(weight, mode: "fan_out", nonlinearity: "relu");
            if (bias is not null)
                Init.Zeros_(bias);
        }
    }
}
