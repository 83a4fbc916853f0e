using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Modeling.ProposalGenerators;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Structures;
using Panoptic.Plugins.MaskRCNN.Checkpoints;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Faster / Mask R-CNN (detectron2 <c>GeneralizedRCNN</c>, torchvision <c>GeneralizedRCNN</c>): inputs are
/// normalised, optionally resized and batched (<see cref="ImagePreprocessor"/>); the <c>backbone</c> computes
/// features, the <c>proposal_generator</c> proposes boxes, the <c>roi_heads</c> classify, refine and segment them.
/// Training returns the named losses; inference returns detections at each input's Height×Width with pasted masks.
/// </summary>
[Component("GeneralizedRCNN", Description = "Backbone + proposal generator + RoI heads (Faster/Mask R-CNN).")]
public sealed class GeneralizedRCNN : Module, IMetaArchitecture, IExternalWeights
{
    public GeneralizedRCNN(GeneralizedRCNNOptions options, BackboneRegistry backbones, ProposalGeneratorRegistry proposalGenerators, RoIHeadsRegistry roiHeads)
        : this(backbones.Build(options.Backbone, new BackboneContext(new ShapeSpec(options.PixelMean.Count, 1))), options, proposalGenerators, roiHeads)
    {
        if (options.Weights is { } weights)
            ModelWeights.Load(this, weights);
    }

    private GeneralizedRCNN(IBackbone backbone, GeneralizedRCNNOptions options, ProposalGeneratorRegistry proposalGenerators, RoIHeadsRegistry roiHeads)
        : this(backbone,
            proposalGenerators.Build(options.ProposalGenerator, new ProposalGeneratorContext(backbone.OutputShapes)),
            roiHeads.Build(options.RoiHeads, new RoIHeadsContext(backbone.OutputShapes)),
            new ImagePreprocessor(options.PixelMean, options.PixelStd, options.PixelDivisor, options.MinSize, options.MaxSize, backbone.SizeDivisibility),
            options.MaskThreshold)
    {
    }

    /// <summary>Builds the model by hand from its parts.</summary>
    public GeneralizedRCNN(IBackbone backbone, IProposalGenerator proposalGenerator, IRoIHeads roiHeads, ImagePreprocessor preprocessor, double maskThreshold = 0.5)
    {
        Backbone = (IBackbone)RegisterModule("backbone", (Module)backbone);
        ProposalGenerator = (IProposalGenerator)RegisterModule("proposal_generator", (Module)proposalGenerator);
        RoIHeads = (IRoIHeads)RegisterModule("roi_heads", (Module)roiHeads);
        Preprocessor = preprocessor;
        MaskThreshold = maskThreshold;
    }

    public IBackbone Backbone { get; }

    public IProposalGenerator ProposalGenerator { get; }

    public IRoIHeads RoIHeads { get; }

    public ImagePreprocessor Preprocessor { get; }

    public double MaskThreshold { get; }

    public IReadOnlyDictionary<string, Tensor> Losses(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var (images, targets) = Preprocessor.Process(batch, Training, withTargets: true, ModelDevice.Of(this));
        var features = Backbone.Forward(images.Tensor);
        var proposals = ProposalGenerator.Forward(images, features, targets);
        var detector = RoIHeads.Forward(images, features, proposals.Instances, targets);
        var losses = new Dictionary<string, Tensor>();
        foreach (var (name, loss) in proposals.Losses.Concat(detector.Losses))
            losses.Add(name, scope.MoveToOuter(loss));
        return losses;
    }

    public IReadOnlyList<ModelOutput> Inference(IReadOnlyList<ModelInput> batch)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var detections = Detect(batch);
        var outputs = new List<ModelOutput>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var result = DetectionPostprocess.Run(detections[i], batch[i].Height, batch[i].Width, MaskThreshold);
            outputs.Add(new ModelOutput { Instances = scope.MoveToOuter(result) });
        }
        return outputs;
    }

    /// <summary>A torchvision Mask R-CNN state dict in our names (<see cref="TorchvisionMaskRCNN"/>), leniently: what does not map is left out.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> MapExternalWeights(IReadOnlyList<KeyValuePair<string, Tensor>> source, string origin) =>
        CheckpointMapping.Rename(source, TorchvisionMaskRCNN.Rules, StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Shape));

    /// <summary>Detections in network-input coordinates (before <see cref="DetectionPostprocess"/>), with mask probabilities.</summary>
    public IReadOnlyList<Instances> Detect(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var (images, _) = Preprocessor.Process(batch, training: false, withTargets: false, ModelDevice.Of(this));
        var features = Backbone.Forward(images.Tensor);
        var proposals = ProposalGenerator.Forward(images, features, null);
        var detections = RoIHeads.Forward(images, features, proposals.Instances, null);
        return scope.MoveToOuter(detections.Instances);
    }
}
