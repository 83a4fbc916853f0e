using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Modeling.ProposalGenerators;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Structures;
using Panoptic.Plugins.MaskRCNN.Checkpoints;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Panoptic FPN (detectron2 <c>meta_arch/panoptic_fpn.py</c>): <see cref="GeneralizedRCNN"/>'s backbone, proposal
/// generator and RoI heads plus a semantic head (<c>sem_seg_head</c>) on the same features. Training returns the RPN
/// and RoI-head losses times <c>instance_loss_weight</c> and the head's (already weighted) semantic loss; inference
/// returns the instances, the semantic logits and their fusion (<c>panoptic_fusion</c>) at each input's Height×Width.
/// The semantic head and the fusion are built through their registries (they live in the PanopticFPN plugin).
/// </summary>
[Component("PanopticFPN", Description = "Mask R-CNN + semantic FPN head, fused into a panoptic segmentation.")]
public sealed class PanopticFPN : Module, IMetaArchitecture
{
    public PanopticFPN(PanopticFPNOptions options, MetaArchitectureContext context, BackboneRegistry backbones, ProposalGeneratorRegistry proposalGenerators,
        RoIHeadsRegistry roiHeads, SemanticHeadRegistry semanticHeads, PanopticFusionRegistry fusions)
        : this(backbones.Build(options.Backbone, new BackboneContext(new ShapeSpec(options.PixelMean.Count, 1))), options, context, proposalGenerators, roiHeads, semanticHeads, fusions)
    {
        if (options.Weights is { } weights)
            ModelWeights.Load(this, weights);
    }

    private PanopticFPN(IBackbone backbone, PanopticFPNOptions options, MetaArchitectureContext context, ProposalGeneratorRegistry proposalGenerators,
        RoIHeadsRegistry roiHeads, SemanticHeadRegistry semanticHeads, PanopticFusionRegistry fusions)
        : this(backbone,
            proposalGenerators.Build(options.ProposalGenerator, new ProposalGeneratorContext(backbone.OutputShapes)),
            roiHeads.Build(options.RoiHeads, new RoIHeadsContext(backbone.OutputShapes)),
            semanticHeads.Build(options.SemSegHead, new SemanticHeadContext(backbone.OutputShapes)),
            fusions.Build(options.PanopticFusion, new PanopticFusionContext(context.Metadata)),
            new ImagePreprocessor(options.PixelMean, options.PixelStd, options.PixelDivisor, options.MinSize, options.MaxSize, backbone.SizeDivisibility),
            options.InstanceLossWeight, options.MaskThreshold)
    {
    }

    /// <summary>Builds the model by hand from its parts.</summary>
    public PanopticFPN(IBackbone backbone, IProposalGenerator proposalGenerator, IRoIHeads roiHeads, ISemanticHead semanticHead, IPanopticFusion fusion,
        ImagePreprocessor preprocessor, double instanceLossWeight = 1.0, double maskThreshold = 0.5)
    {
        Backbone = (IBackbone)RegisterModule("backbone", (Module)backbone);
        ProposalGenerator = (IProposalGenerator)RegisterModule("proposal_generator", (Module)proposalGenerator);
        RoIHeads = (IRoIHeads)RegisterModule("roi_heads", (Module)roiHeads);
        SemanticHead = (ISemanticHead)RegisterModule("sem_seg_head", (Module)semanticHead);
        Fusion = (IPanopticFusion)RegisterModule("panoptic_fusion", (Module)fusion);
        Preprocessor = preprocessor;
        InstanceLossWeight = instanceLossWeight;
        MaskThreshold = maskThreshold;
    }

    public IBackbone Backbone { get; }

    public IProposalGenerator ProposalGenerator { get; }

    public IRoIHeads RoIHeads { get; }

    public ISemanticHead SemanticHead { get; }

    public IPanopticFusion Fusion { get; }

    public ImagePreprocessor Preprocessor { get; }

    public double InstanceLossWeight { get; }

    public double MaskThreshold { get; }

    /// <summary>RPN and RoI-head losses (× <see cref="InstanceLossWeight"/>) and the semantic head's losses; inputs need instances and semantic labels.</summary>
    public IReadOnlyDictionary<string, Tensor> Losses(IReadOnlyList<ModelInput> batch)
    {
        using var scope = Torch.NewDisposeScope();
        var (images, targets) = Preprocessor.Process(batch, Training, withTargets: true, ModelDevice.Of(this));
        var semanticTargets = SemanticTargets.Batch(batch, images, SemanticHead.IgnoreValue);
        var features = Backbone.Forward(images.Tensor);
        var semantic = SemanticHead.Losses(SemanticHead.Forward(features), semanticTargets);
        var proposals = ProposalGenerator.Forward(images, features, targets);
        var detector = RoIHeads.Forward(images, features, proposals.Instances, targets);
        var losses = new Dictionary<string, Tensor>();
        foreach (var (name, loss) in proposals.Losses.Concat(detector.Losses))
            losses.Add(name, scope.MoveToOuter(InstanceLossWeight == 1.0 ? loss : loss * InstanceLossWeight));
        foreach (var (name, loss) in semantic)
        {
            if (!losses.TryAdd(name, scope.MoveToOuter(loss)))
                throw new InvalidOperationException($"the semantic head's loss '{name}' has the name of an instance loss");
        }
        return losses;
    }

    public IReadOnlyList<ModelOutput> Inference(IReadOnlyList<ModelInput> batch)
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var (images, _) = Preprocessor.Process(batch, training: false, withTargets: false, ModelDevice.Of(this));
        var features = Backbone.Forward(images.Tensor);
        var logits = SemanticHead.Predict(SemanticHead.Forward(features));
        var proposals = ProposalGenerator.Forward(images, features, null);
        var detections = RoIHeads.Forward(images, features, proposals.Instances, null).Instances;
        var outputs = new List<ModelOutput>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var instances = DetectionPostprocess.Run(detections[i], batch[i].Height, batch[i].Width, MaskThreshold);
            var semantic = SemanticPostprocess(logits[i], images.ImageSizes[i], (batch[i].Height, batch[i].Width));
            var panoptic = Fusion.Combine(instances, semantic.Argmax(0));
            outputs.Add(new ModelOutput
            {
                Instances = scope.MoveToOuter(instances),
                SemanticSegmentation = scope.MoveToOuter(semantic),
                Panoptic = panoptic with { Segmentation = scope.MoveToOuter(panoptic.Segmentation) },
            });
        }
        return outputs;
    }

    /// <summary>detectron2 <c>sem_seg_postprocess</c>: (K, H_pad, W_pad) logits cropped to the image's size in the batch, bilinearly resized to the output size: (K, H, W).</summary>
    private static Tensor SemanticPostprocess(Tensor logits, (int Height, int Width) inBatch, (int Height, int Width) output)
    {
        var cropped = logits.Slice(1, 0, inBatch.Height).Slice(2, 0, inBatch.Width).Unsqueeze(0);
        return F.Interpolate(cropped, size: (output.Height, output.Width), mode: InterpolationMode.Bilinear, alignCorners: false).Squeeze(0);
    }
}
