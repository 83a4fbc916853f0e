using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Hosting;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.Tests.MetaArchitectures;

/// <summary>The shipped configs build their models through the plugin host, as the command line does.</summary>
public class HostLoadingTests
{
    private static PluginSelection BuiltIns => new() { BuiltInRoot = Path.Combine(RepositoryPaths.Root, "artifacts", "plugins"), Environment = false };

    // torchvision's maskrcnn_resnet50_fpn has 44,401,393 parameters with frozen norms; we drop the background's box
    // deltas (4 x 1025) and mask channel (257). With 80 classes (detectron2): 10 fewer classifier rows, box deltas
    // and mask channels besides.
    [Theory]
    [InlineData("torchvision/maskrcnn_resnet50_fpn.yaml", 44_401_393 - 4 * 1025 - 257)]
    [InlineData("coco/mask_rcnn_r50_fpn_1x.yaml", 44_401_393 - 4 * 1025 - 257 - 10 * (1025 + 4 * 1025 + 257))]
    public void The_config_builds_a_model_from_the_built_in_plugins(string config, long parameters)
    {
        var runtime = PanopticRuntime.Load(RepositoryPaths.Config(config), [], BuiltIns);
        using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(runtime.Config!.Model!, new MetaArchitectureContext());
        model.GetType().Assembly.Location.Should().Contain(Path.Combine("artifacts", "plugins", "Panoptic.Plugins.MaskRCNN"));
        model.Parameters().Sum(p => p.Numel).Should().Be(parameters);
    }
}
