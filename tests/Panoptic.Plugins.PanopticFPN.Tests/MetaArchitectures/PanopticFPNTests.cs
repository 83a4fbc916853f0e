using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Hosting;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Plugins.PanopticFPN.Tests.Support;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;

using PanopticFPNArchitecture = Panoptic.Plugins.MaskRCNN.MetaArchitectures.PanopticFPN;

namespace Panoptic.Plugins.PanopticFPN.Tests.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>The PanopticFPN meta-architecture: built from configs, its three loss groups, its fused inference, and learning.</summary>
/// <remarks>Serial: the loss-weight test draws the same samples twice from the process-wide generator.</remarks>
[Collection(SerialCollection.Name)]
public sealed class PanopticFPNTests
{
    private static readonly string[] InstanceLosses = ["loss_rpn_cls", "loss_rpn_loc", "loss_cls", "loss_box_reg", "loss_mask"];

    [Fact]
    public void The_synthetic_recipe_builds_through_the_plugin_host()
    {
        var selection = new PluginSelection { BuiltInRoot = Path.Combine(RepositoryPaths.Root, "artifacts", "plugins"), Environment = false };
        var runtime = PanopticRuntime.Load(RepositoryPaths.Config("synthetic/panoptic_fpn_r18_synthetic.yaml"), [], selection);

        using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(runtime.Config!.Model!, new MetaArchitectureContext());

        model.GetType().FullName.Should().Be(typeof(PanopticFPNArchitecture).FullName);
        var state = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Shape);
        state.Keys.Should().Contain("roi_heads.mask_head.predictor.weight");
        state["sem_seg_head.predictor.weight"].Should().Equal(5, 64, 1, 1);
    }

    [Fact]
    public void Training_returns_the_three_loss_groups_and_the_semantic_loss_is_the_heads_loss_on_the_same_features()
    {
        Torch.ManualSeed(3);
        using var model = PanopticFPNModel.Build();
        model.Train();
        var batch = PanopticScenes.Pair();

        using var scope = Torch.NewDisposeScope();
        var losses = model.Losses(batch);

        losses.Keys.Should().BeEquivalentTo([.. InstanceLosses, "loss_sem_seg"]);
        losses.Values.Should().OnlyContain(l => double.IsFinite(l.ToDouble()));
        var (images, _) = model.Preprocessor.Process(batch, training: true, withTargets: false);
        var features = model.Backbone.Forward(images.Tensor);
        var expected = model.SemanticHead.Losses(model.SemanticHead.Forward(features), SemanticTargets.Batch(batch, images, 255))["loss_sem_seg"];
        losses["loss_sem_seg"].ToDouble().Should().BeApproximately(expected.ToDouble(), 1e-6);
        ((SemanticFPNHead)model.SemanticHead).LossWeight.Should().Be(0.5);      // the head's weight, applied once
    }

    [Fact]
    public void The_instance_loss_weight_scales_only_the_instance_losses()
    {
        var batch = PanopticScenes.Pair();
        IReadOnlyDictionary<string, double> Run(string weight)
        {
            Torch.ManualSeed(5);
            using var model = PanopticFPNModel.Build($"model.instance_loss_weight={weight}");
            model.Train();
            Torch.ManualSeed(6);
            using var scope = Torch.NewDisposeScope();
            return model.Losses(batch).ToDictionary(kv => kv.Key, kv => kv.Value.ToDouble());
        }

        var (one, half) = (Run("1.0"), Run("0.5"));

        foreach (var name in InstanceLosses)
            half[name].Should().BeApproximately(one[name] * 0.5, 1e-5 + 1e-5 * one[name], name);
        half["loss_sem_seg"].Should().BeApproximately(one["loss_sem_seg"], 1e-6);
    }

    [Fact]
    public void Inference_returns_instances_semantic_logits_and_a_panoptic_map_over_the_reported_size_with_dataset_ids()
    {
        Torch.ManualSeed(4);
        using var model = PanopticFPNModel.Build();
        model.Eval();
        var head = (SemanticFPNHead)model.SemanticHead;
        using (Torch.NoGrad())
            head.Predictor.Bias!.Slice(0, 1, 2).Fill_(5.0);          // the top stuff label wins everywhere
        var input = PanopticScenes.Pair()[0] with { Height = 80, Width = 96 };

        using var scope = Torch.NewDisposeScope();
        var output = model.Inference([input]).Single();

        output.Instances!.ImageHeight.Should().Be(80);
        output.SemanticSegmentation!.Shape.Should().Equal(3, 80, 96);
        var panoptic = output.Panoptic!;
        panoptic.Segmentation.Shape.Should().Equal(80, 96);
        panoptic.Segmentation.DType.Should().Be(DType.Int32);
        panoptic.Segments.Select(s => s.Id).Should().Equal(Enumerable.Range(1, panoptic.Segments.Count));
        var ids = panoptic.Segmentation.Flatten().ToArray<int>();
        ids.Should().OnlyContain(id => id >= 0 && id <= panoptic.Segments.Count);
        foreach (var segment in panoptic.Segments)
        {
            segment.Area.Should().Be(ids.LongCount(id => id == segment.Id));
            segment.CategoryId.Should().Be(segment.IsThing ? 11 + segment.ClassIndex : 100 + segment.ClassIndex);
        }
        panoptic.Segments.Should().Contain(s => !s.IsThing && s.CategoryId == 101);
    }

    [Fact]
    public void A_few_iterations_on_two_tiny_scenes_reduce_the_total_loss()
    {
        Torch.ManualSeed(8);
        using var model = PanopticFPNModel.Build();
        model.Train();
        var batch = PanopticScenes.Pair();
        var parameters = model.Parameters().Where(p => p.RequiresGrad).ToList();
        using var optimizer = new SGD(parameters, 0.01, momentum: 0.9);
        var totals = new List<double>();
        for (var iteration = 0; iteration < 16; iteration++)
        {
            using var scope = Torch.NewDisposeScope();
            var total = model.Losses(batch).Values.Aggregate((a, b) => a + b);
            optimizer.ZeroGrad();
            total.Backward();
            GradClip.ClipGradNorm_(parameters, 10.0);
            optimizer.Step();
            totals.Add(total.ToDouble());
        }

        totals.Should().OnlyContain(t => double.IsFinite(t));
        totals.TakeLast(3).Average().Should().BeLessThan(0.8 * totals.Take(3).Average(), string.Join(", ", totals.Select(t => t.ToString("F3"))));
    }
}
