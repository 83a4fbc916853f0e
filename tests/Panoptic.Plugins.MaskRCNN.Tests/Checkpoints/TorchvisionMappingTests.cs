using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.Checkpoints;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.MaskRCNN.Tests.Checkpoints;

using Torch = Panoptic.Torch.Torch;

/// <summary>The torchvision name mapping is strict and handles the released checkpoints' older names and counters.</summary>
public sealed class TorchvisionMappingTests(TorchvisionMaskRCNNFixture fixture) : IClassFixture<TorchvisionMaskRCNNFixture>
{
    [Fact]
    public void Every_torchvision_key_maps_and_background_rows_move()
    {
        using var scope = Torch.NewDisposeScope();
        using var source = PyTorchCheckpoint.LoadStateDict(fixture.CheckpointPath);
        var mapped = Map(Entries(source)).ToDictionary(kv => kv.Key, kv => kv.Value);
        mapped.Should().HaveCount(fixture.Model.StateDict().Count);
        var classifier = source["roi_heads.box_predictor.cls_score.weight"];
        (mapped["roi_heads.box_predictor.cls_score.weight"][^1] - classifier[0]).Abs().Max().ToDouble().Should().Be(0, "background moves last");
        (mapped["roi_heads.box_predictor.cls_score.weight"][0] - classifier[1]).Abs().Max().ToDouble().Should().Be(0);
        mapped["roi_heads.box_predictor.bbox_pred.weight"].Shape.Should().Equal(360, 1024);
        mapped["roi_heads.mask_head.predictor.weight"].Shape.Should().Equal(90, 256, 1, 1);
    }

    [Fact]
    public void Older_names_and_batch_norm_counters_of_released_checkpoints_load()
    {
        using var scope = Torch.NewDisposeScope();
        using var source = PyTorchCheckpoint.LoadStateDict(fixture.CheckpointPath);
        var renamed = Entries(source).Select(kv => new KeyValuePair<string, Tensor>(kv.Key
            .Replace("rpn.head.conv.0.0.", "rpn.head.conv.")
            .Replace("roi_heads.mask_head.0.0.", "roi_heads.mask_head.mask_fcn1.")
            .Replace("backbone.fpn.inner_blocks.0.0.", "backbone.fpn.inner_blocks.0."), kv.Value)).ToList();
        renamed.Add(new("backbone.body.bn1.num_batches_tracked", Torch.Zeros([], DType.Int64)));
        Map(renamed).Should().HaveCount(fixture.Model.StateDict().Count);
    }

    [Fact]
    public void Unmapped_unused_and_missing_keys_are_all_listed()
    {
        using var scope = Torch.NewDisposeScope();
        using var source = PyTorchCheckpoint.LoadStateDict(fixture.CheckpointPath);
        var entries = Entries(source).Where(kv => kv.Key != "rpn.head.cls_logits.bias").ToList();
        entries.Add(new("roi_heads.keypoint_head.0.weight", Torch.Zeros([1])));
        entries.Add(new("backbone.body.layer4.9.conv1.weight", Torch.Zeros([1])));
        var act = () => Map(entries);
        act.Should().Throw<StateDictException>()
            .WithMessage("*1 checkpoint keys match no rule: roi_heads.keypoint_head.0.weight*")
            .WithMessage("*map to names the model does not have: backbone.body.layer4.9.conv1.weight → backbone.bottom_up.res5.9.conv1.weight*")
            .WithMessage("*1 model keys are not in the checkpoint: proposal_generator.rpn_head.objectness_logits.bias*");
    }

    [Fact]
    public void Initialising_a_model_of_other_classes_maps_leniently()
    {
        using var model = (GeneralizedRCNN)new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly)
            .Model(RepositoryPaths.Config("torchvision/maskrcnn_resnet50_fpn.yaml"), "model.roi_heads.num_classes=3");
        using var scope = Torch.NewDisposeScope();
        using var source = PyTorchCheckpoint.LoadStateDict(fixture.CheckpointPath);
        var entries = Entries(source);
        entries.Add(new("roi_heads.keypoint_head.0.weight", Torch.Zeros([1])));
        var mapped = model.MapExternalWeights(entries, "test").ToDictionary(kv => kv.Key, kv => kv.Value);
        mapped.Should().NotContainKey("roi_heads.keypoint_head.0.weight");
        mapped["backbone.bottom_up.res5.2.conv3.weight"].Shape.Should().Equal(2048, 512, 1, 1);
        mapped["roi_heads.box_predictor.cls_score.weight"].Shape.Should().Equal([91, 1024], "a classifier that does not fit stays as it is, for the loader to skip");
    }

    [Fact]
    public void Our_safetensors_round_trip()
    {
        using var folder = new TempFolder();
        var path = folder.File("model.safetensors");
        ModelWeights.Save(fixture.Model, path);
        using var saved = SafeTensors.Load(path);
        saved.Keys.Should().Equal(fixture.Model.StateDict().Select(kv => kv.Key));
        ((Action)(() => ModelWeights.Load(fixture.Model, path))).Should().NotThrow();
        ((Action)(() => ModelWeights.Load(fixture.Model, folder.File("model.ckpt")))).Should().Throw<ArgumentException>().WithMessage("*.safetensors*.pth*");
    }

    private IReadOnlyList<KeyValuePair<string, Tensor>> Map(IEnumerable<KeyValuePair<string, Tensor>> entries) =>
        CheckpointMapping.Apply(entries, TorchvisionMaskRCNN.Rules, fixture.Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Shape), "test checkpoint");

    private static List<KeyValuePair<string, Tensor>> Entries(TensorDictionary source) => Enumerable.Range(0, source.Count).Select(i => source[i]).ToList();
}
