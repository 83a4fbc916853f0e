using System.Numerics;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Layers;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.PanopticFPN.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The semantic FPN head of Panoptic FPN (detectron2 <c>SemSegFPNHead</c>): per input level a <see cref="ScaleTower"/>
/// of max(1, log2(stride) − log2(common stride)) blocks of 3×3 conv + norm + ReLU, each followed by a ×2 bilinear
/// upsampling while the level is coarser than the common stride; the towers' outputs are summed and a 1×1
/// <c>predictor</c> gives the class logits at the common stride. Loss: <see cref="SemanticSegLoss"/>; logits at input
/// resolution: <see cref="SemanticSegInference.Upsample"/>. Convolutions ~ <c>c2_msra_fill</c>; the predictor too, or
/// N(0, std²) with <see cref="SemanticFPNHeadOptions.PredictorStd"/>. State names are detectron2's
/// (<c>p2.0.weight</c>, <c>p3.0.norm.bias</c>, <c>predictor.weight</c>).
/// </summary>
[Component("SemanticFPNHead", Description = "Panoptic FPN semantic head: per-level conv+GN+ReLU(+x2) towers to stride 4, summed, 1x1 to classes.")]
public sealed class SemanticFPNHead : Module, ISemanticHead
{
    private readonly List<(string Feature, ScaleTower Tower)> _towers = [];

    public SemanticFPNHead(SemanticFPNHeadOptions options, SemanticHeadContext context)
        : this(context.InputShapes, options.InFeatures, options.NumClasses, options.ConvDims, options.CommonStride, options.Norm,
            options.LossWeight, options.IgnoreValue, options.PredictorStd)
    {
    }

    /// <summary>Builds the head by hand.</summary>
    /// <param name="inputShapes">Channels and strides of the backbone's features.</param>
    /// <param name="inFeatures">Features read (each needs a stride that is the common stride times a power of two).</param>
    /// <param name="numClasses">Semantic classes K.</param>
    /// <param name="convDims">Channels of the towers.</param>
    /// <param name="commonStride">Stride of the summed towers and of the logits.</param>
    /// <param name="norm">A <see cref="Norms"/> name ("" for none).</param>
    /// <param name="lossWeight">Multiplier of the loss.</param>
    /// <param name="ignoreValue">Target label excluded from the loss.</param>
    /// <param name="predictorStd">null for <c>c2_msra_fill</c> of the predictor, else its normal std.</param>
    /// <exception cref="ArgumentException">A feature is missing from <paramref name="inputShapes"/> or has an unusable stride.</exception>
    public SemanticFPNHead(IReadOnlyDictionary<string, ShapeSpec> inputShapes, IReadOnlyList<string> inFeatures, int numClasses,
        int convDims = 128, int commonStride = 4, string norm = "GN", double lossWeight = 0.5, int ignoreValue = 255, double? predictorStd = null)
    {
        if (inFeatures.Count == 0)
            throw new ArgumentException("in_features is empty; list the backbone features to read, e.g. [p2, p3, p4, p5]", nameof(inFeatures));
        if (commonStride < 1 || !BitOperations.IsPow2(commonStride))
            throw new ArgumentException($"common_stride must be a power of two, got {commonStride}", nameof(commonStride));
        (NumClasses, CommonStride, LossWeight, IgnoreValue, InFeatures) = (numClasses, commonStride, lossWeight, ignoreValue, inFeatures.ToList());
        foreach (var feature in inFeatures)
        {
            if (!inputShapes.TryGetValue(feature, out var shape))
                throw new ArgumentException(
                    $"in_features: the backbone has no feature '{feature}' (features: {string.Join(", ", inputShapes.Keys)})", nameof(inFeatures));
            var ratio = shape.Stride / commonStride;
            if (shape.Stride < commonStride || shape.Stride % commonStride != 0 || !BitOperations.IsPow2(ratio))
                throw new ArgumentException(
                    $"in_features: feature '{feature}' has stride {shape.Stride}; the head needs common_stride ({commonStride}) times a power of two", nameof(inFeatures));
            var upsamplings = BitOperations.Log2((uint)ratio);
            _towers.Add((feature, RegisterModule(feature, new ScaleTower(shape.Channels, convDims, Math.Max(1, upsamplings), upsamplings > 0, norm))));
        }
        Predictor = RegisterModule("predictor", new Conv2d(convDims, numClasses, 1));
        if (predictorStd is { } std)
            WeightInit.NormalFill(Predictor.Weight, Predictor.Bias, std);
        else
            WeightInit.MsraFill(Predictor.Weight, Predictor.Bias);
    }

    public int CommonStride { get; }

    public int NumClasses { get; }

    public int IgnoreValue { get; }

    /// <summary>Multiplier of the cross-entropy loss.</summary>
    public double LossWeight { get; }

    /// <summary>The features read, in summation order.</summary>
    public IReadOnlyList<string> InFeatures { get; }

    /// <summary>The towers by feature.</summary>
    public IReadOnlyList<(string Feature, ScaleTower Tower)> Towers => _towers;

    /// <summary>The 1×1 convolution to class logits.</summary>
    public Conv2d Predictor { get; }

    public Tensor Forward(IReadOnlyDictionary<string, Tensor> features)
    {
        using var scope = Torch.NewDisposeScope();
        Tensor? sum = null;
        foreach (var (feature, tower) in _towers)
        {
            if (!features.TryGetValue(feature, out var input))
                throw new ArgumentException($"semantic head: no feature '{feature}' in the input (features: {string.Join(", ", features.Keys)})", nameof(features));
            var y = tower.Forward(input);
            sum = sum is null ? y : sum + y;
        }
        return scope.MoveToOuter(Predictor.Forward(sum!));
    }

    public IReadOnlyDictionary<string, Tensor> Losses(Tensor logits, Tensor targets) =>
        new Dictionary<string, Tensor> { ["loss_sem_seg"] = SemanticSegLoss.Compute(logits, targets, CommonStride, IgnoreValue, LossWeight) };

    public Tensor Predict(Tensor logits) => SemanticSegInference.Upsample(logits, CommonStride);
}
