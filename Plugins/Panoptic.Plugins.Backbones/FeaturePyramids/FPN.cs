using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>
/// Feature pyramid network (detectron2 <c>FPN</c>, torchvision <c>FeaturePyramidNetwork</c>): a 1×1 lateral
/// (<c>fpn_lateral{s}</c>) and a 3×3 output convolution (<c>fpn_output{s}</c>) per input level s = log2(stride),
/// top-down nearest upsampling to each lateral's size fused by sum (or average), and an optional top block (P6 by
/// max-pool of P5 — torchvision's <c>LastLevelMaxPool</c> "pool" level — or P6/P7 by strided convolutions).
/// Outputs <c>p{s}</c>, all <c>out_channels</c> wide. The bottom-up network is the child <c>bottom_up</c>.
/// </summary>
[Component("FPN", Description = "Feature pyramid over a bottom-up backbone (p2..p6).")]
public sealed class FPN : Module, IBackbone
{
    private readonly List<(ConvNorm2d Lateral, ConvNorm2d Output)> _levels = [];
    private readonly List<string> _inFeatures;
    private readonly List<string> _outFeatures = [];

    public FPN(FPNOptions options, BackboneContext context, BackboneRegistry backbones)
        : this(backbones.Build(options.BottomUp, context), options.InFeatures, options.OutChannels, options.Norm, options.FuseType, options.TopBlock)
    {
    }

    /// <summary>Builds the pyramid over <paramref name="bottomUp"/> by hand; the rest are the keys of <see cref="FPNOptions"/>.</summary>
    public FPN(IBackbone bottomUp, IReadOnlyList<string> inFeatures, int outChannels = 256, string norm = "", FuseType fuseType = FuseType.Sum,
        TopBlock topBlock = TopBlock.MaxPool)
    {
        var missing = inFeatures.Where(f => !bottomUp.OutputShapes.ContainsKey(f)).ToList();
        if (missing.Count > 0 || inFeatures.Count == 0)
            throw new ArgumentException($"FPN in_features [{string.Join(", ", inFeatures)}]: the bottom-up network outputs {string.Join(", ", bottomUp.OutputShapes.Keys)}", nameof(inFeatures));
        _inFeatures = [.. inFeatures];
        FuseType = fuseType;
        var shapes = new Dictionary<string, ShapeSpec>();
        var useBias = norm.Length == 0;
        foreach (var feature in inFeatures)
        {
            var input = bottomUp.OutputShapes[feature];
            var stage = Stage(input.Stride);
            var lateral = RegisterModule($"fpn_lateral{stage}", new ConvNorm2d(input.Channels, outChannels, 1, bias: useBias, norm: norm));
            var output = RegisterModule($"fpn_output{stage}", new ConvNorm2d(outChannels, outChannels, 3, padding: 1, bias: useBias, norm: norm));
            WeightInit.XavierFill(lateral.Weight, lateral.Bias);
            WeightInit.XavierFill(output.Weight, output.Bias);
            _levels.Add((lateral, output));
            _outFeatures.Add($"p{stage}");
            shapes[$"p{stage}"] = new ShapeSpec(outChannels, input.Stride);
        }
        var last = bottomUp.OutputShapes[inFeatures[^1]];
        TopLevels = topBlock switch
        {
            TopBlock.None => null,
            TopBlock.MaxPool => new MaxPoolTopBlock(),
            TopBlock.P6P7 => new P6P7TopBlock(last.Channels, outChannels),
            _ => throw new ArgumentOutOfRangeException(nameof(topBlock), topBlock, "valid: none, max_pool, p6_p7"),
        };
        if (TopLevels is P6P7TopBlock p6p7)
            RegisterModule("top_block", p6p7);
        var stride = last.Stride;
        for (var i = 0; i < (TopLevels?.LevelCount ?? 0); i++)
        {
            stride *= 2;
            _outFeatures.Add($"p{Stage(stride)}");
            shapes[$"p{Stage(stride)}"] = new ShapeSpec(outChannels, stride);
        }
        BottomUp = RegisterModule("bottom_up", (Module)bottomUp);
        OutputShapes = shapes;
        SizeDivisibility = last.Stride;
    }

    public Module BottomUp { get; }

    public FuseType FuseType { get; }

    /// <summary>The levels above the last input level, or null.</summary>
    public IFpnTopBlock? TopLevels { get; }

    public IReadOnlyDictionary<string, ShapeSpec> OutputShapes { get; }

    public int SizeDivisibility { get; }

    public IReadOnlyDictionary<string, Tensor> Forward(Tensor images)
    {
        var bottomUp = ((IBackbone)BottomUp).Forward(images);
        try
        {
            var results = new Tensor[_levels.Count];
            Tensor? previous = null;
            for (var i = _levels.Count - 1; i >= 0; i--)
            {
                var (lateralConv, outputConv) = _levels[i];
                var lateral = lateralConv.Forward(bottomUp[_inFeatures[i]]);
                if (previous is not null)
                {
                    using var topDown = F.Interpolate(previous, size: (lateral.Size(2), lateral.Size(3)));
                    lateral.Add_(topDown);
                    if (FuseType == FuseType.Avg)
                        lateral.Div_(2);
                    previous.Dispose();
                }
                previous = lateral;
                results[i] = outputConv.Forward(lateral);
            }
            previous?.Dispose();
            var outputs = new Dictionary<string, Tensor>();
            for (var i = 0; i < results.Length; i++)
                outputs[_outFeatures[i]] = results[i];
            if (TopLevels is not null)
            {
                var extra = TopLevels.Forward(results[^1], bottomUp[_inFeatures[^1]]);
                for (var i = 0; i < extra.Count; i++)
                    outputs[_outFeatures[results.Length + i]] = extra[i];
            }
            return outputs;
        }
        finally
        {
            foreach (var feature in bottomUp.Values)
                feature.Dispose();
        }
    }

    private static int Stage(int stride) => (int)Math.Round(Math.Log2(stride));
}
