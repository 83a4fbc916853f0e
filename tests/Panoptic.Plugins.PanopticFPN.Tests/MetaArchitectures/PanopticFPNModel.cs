using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;

using PanopticFPNArchitecture = Panoptic.Plugins.MaskRCNN.MetaArchitectures.PanopticFPN;

namespace Panoptic.Plugins.PanopticFPN.Tests.MetaArchitectures;

/// <summary>A narrow Panoptic FPN (ResNet-18-FPN with group norm, 2 thing classes, 2 stuff classes) from the shipped base config.</summary>
public static class PanopticFPNModel
{
    public static readonly string ConfigPath = RepositoryPaths.Config("base/models/panoptic_fpn_r50.yaml");

    public static readonly string[] Small =
    [
        "model.pixel_std=[57.4,57.1,58.4]",
        "model.backbone.out_channels=32", "model.backbone.norm=GN",
        "model.backbone.bottom_up.depth=18", "model.backbone.bottom_up.res2_out_channels=64",
        "model.backbone.bottom_up.norm=GN", "model.backbone.bottom_up.freeze_at=0",
        "model.proposal_generator.anchor_generator.sizes=[[8],[16],[32],[64],[128]]",
        "model.proposal_generator.batch_size_per_image=64",
        "model.proposal_generator.pre_nms_topk_train=200", "model.proposal_generator.post_nms_topk_train=50",
        "model.proposal_generator.pre_nms_topk_test=200", "model.proposal_generator.post_nms_topk_test=50",
        "model.roi_heads.num_classes=2", "model.roi_heads.batch_size_per_image=32",
        "model.roi_heads.box_head.fc_dim=64",
        "model.roi_heads.mask_head.num_conv=1", "model.roi_heads.mask_head.conv_dim=32",
        "model.roi_heads.detections_per_image=10",
        "model.sem_seg_head.num_classes=3", "model.sem_seg_head.conv_dims=32",
        "model.panoptic_fusion.stuff_area_limit=16",
    ];

    /// <summary>Dataset ids: things 0, 1 → 11, 12; stuff labels 1, 2 → 101, 102.</summary>
    public static readonly DatasetMetadata Metadata = new("tiny", ["square", "block"], ["things", "top", "bottom"])
    {
        ThingDatasetIds = new Dictionary<int, int> { [0] = 11, [1] = 12 },
        StuffDatasetIds = new Dictionary<int, int> { [1] = 101, [2] = 102 },
    };

    public static readonly ModelFactory Factory =
        new(typeof(PanopticFPNArchitecture).Assembly, typeof(SemanticFPNHead).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly);

    public static PanopticFPNArchitecture Build(params string[] overrides)
    {
        var spec = Factory.Config(ConfigPath, [.. Small, .. overrides]).Model!;
        return (PanopticFPNArchitecture)Factory.Registry<MetaArchitectureRegistry>().Build(spec, new MetaArchitectureContext(Metadata));
    }
}
