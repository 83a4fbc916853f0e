using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>
/// ResNet / ResNeXt (detectron2 <c>build_resnet_backbone</c>): a <c>stem</c> and stages <c>res2</c>…<c>res5</c> of
/// residual blocks (basic for depth 18/34, bottleneck otherwise), built only up to the last requested feature.
/// Stages up to <c>freeze_at</c> are frozen: their parameters take no gradient and their batch norms are frozen.
/// With <c>stride_in_1x1: false</c> and <c>norm: FrozenBN</c> it is torchvision's detection ResNet.
/// </summary>
[Component("ResNet", Description = "ResNet / ResNeXt bottom-up network (stem, res2..res5).")]
public sealed class ResNet : Module, IBackbone
{
    private static readonly string[] StageNames = ["res2", "res3", "res4", "res5"];

    private readonly List<(string Name, Module<Tensor, Tensor> Module)> _stages = [];
    private readonly HashSet<string> _outFeatures;

    public ResNet(ResNetOptions options, BackboneContext context)
        : this(options.Depth, options.OutFeatures, options.Norm, options.FreezeAt, options.NumGroups, options.WidthPerGroup,
            options.StrideIn1x1, options.Res5Dilation, options.Res2OutChannels, options.StemOutChannels, context.Input.Channels)
    {
    }

    /// <summary>Builds the network by hand; the arguments are those of <see cref="ResNetOptions"/> plus the input channels.</summary>
    public ResNet(int depth, IReadOnlyList<string> outFeatures, string norm = "FrozenBN", int freezeAt = 2, int numGroups = 1,
        int widthPerGroup = 64, bool strideIn1x1 = true, int res5Dilation = 1, int res2OutChannels = 256, int stemOutChannels = 64,
        int inChannels = 3)
    {
        var blocks = BlocksPerStage(depth);
        var unknown = outFeatures.Where(f => f != "stem" && !StageNames.Contains(f)).ToList();
        if (unknown.Count > 0 || outFeatures.Count == 0)
            throw new ArgumentException($"ResNet out_features [{string.Join(", ", outFeatures)}]: each must be one of stem, {string.Join(", ", StageNames)}", nameof(outFeatures));
        if (depth < 50 && (res2OutChannels != 64 || res5Dilation != 1 || numGroups != 1))
            throw new ArgumentException($"ResNet-{depth} uses basic blocks: res2_out_channels must be 64 (got {res2OutChannels}), res5_dilation 1 (got {res5Dilation}), num_groups 1 (got {numGroups})");
        _outFeatures = [.. outFeatures];
        Depth = depth;

        var shapes = new Dictionary<string, ShapeSpec>();
        Stem = RegisterModule("stem", new BasicStem(inChannels, stemOutChannels, freezeAt >= 1 ? Norms.Frozen(norm) : norm));
        if (freezeAt >= 1)
            Stem.RequiresGrad_(false);
        AddShape(shapes, "stem", stemOutChannels, 4);

        var lastStage = outFeatures.Select(f => Array.IndexOf(StageNames, f)).Max();
        long inStage = stemOutChannels, outStage = res2OutChannels, bottleneck = (long)numGroups * widthPerGroup;
        var stride = 4;
        for (var s = 0; s <= lastStage; s++)
        {
            var dilation = s == 3 ? res5Dilation : 1;
            var firstStride = s == 0 || dilation == 2 ? 1 : 2;
            var frozen = freezeAt >= s + 2;
            var stageNorm = frozen ? Norms.Frozen(norm) : norm;
            var stage = new Sequential();
            for (var b = 0; b < blocks[s]; b++)
            {
                var blockIn = b == 0 ? inStage : outStage;
                var blockStride = b == 0 ? firstStride : 1;
                stage.Append(depth >= 50
                    ? new BottleneckBlock(blockIn, outStage, bottleneck, blockStride, numGroups, strideIn1x1, dilation, stageNorm)
                    : new BasicBlock(blockIn, outStage, blockStride, stageNorm));
            }
            if (frozen)
                stage.RequiresGrad_(false);
            _stages.Add((StageNames[s], RegisterModule(StageNames[s], stage)));
            stride *= firstStride;
            AddShape(shapes, StageNames[s], outStage, stride);
            inStage = outStage;
            outStage *= 2;
            bottleneck *= 2;
        }
        OutputShapes = shapes;
    }

    public int Depth { get; }

    public BasicStem Stem { get; }

    public IReadOnlyDictionary<string, ShapeSpec> OutputShapes { get; }

    public int SizeDivisibility => 0;

    public IReadOnlyDictionary<string, Tensor> Forward(Tensor images)
    {
        var outputs = new Dictionary<string, Tensor>();
        var x = Stem.Forward(images);
        Keep(outputs, "stem", x);
        foreach (var (name, stage) in _stages)
        {
            var y = stage.Forward(x);
            if (!outputs.ContainsValue(x))
                x.Dispose();
            x = y;
            Keep(outputs, name, x);
        }
        if (!outputs.ContainsValue(x))
            x.Dispose();
        return outputs;
    }

    /// <summary>Residual blocks in res2..res5 for each supported depth.</summary>
    public static int[] BlocksPerStage(int depth) => depth switch
    {
        18 => [2, 2, 2, 2],
        34 or 50 => [3, 4, 6, 3],
        101 => [3, 4, 23, 3],
        152 => [3, 8, 36, 3],
        _ => throw new ArgumentException($"ResNet depth {depth} is not supported (valid: 18, 34, 50, 101, 152)", nameof(depth)),
    };

    private void AddShape(Dictionary<string, ShapeSpec> shapes, string name, long channels, int stride)
    {
        if (_outFeatures.Contains(name))
            shapes[name] = new ShapeSpec((int)channels, stride);
    }

    private void Keep(Dictionary<string, Tensor> outputs, string name, Tensor x)
    {
        if (_outFeatures.Contains(name))
            outputs[name] = x;
    }
}
