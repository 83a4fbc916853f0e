using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;

namespace Panoptic.Core.Tests.Sweeps;

/// <summary>A base config of the TinyRegressor test plugin on the synthetic set (4 iterations, TinyScore at the end), and its plugins.</summary>
internal static class TinySweep
{
    public static PluginSelection Plugins => new()
    {
        BuiltIn = false,
        Environment = false,
        CommandLine = [TestPaths.BuiltInPlugin("Panoptic.Plugins.Data"), TestPaths.BuiltInPlugin("Panoptic.Plugins.Engine"), TestPaths.TestPlugin(TestPaths.TinyModel)],
    };

    public static string WriteBase(TempDirectory dir, SyntheticSet set)
    {
        var layout = set.Layout;
        return dir.Write("tiny.yaml", $"""
            model: {"{"}name: TinyRegressor, hidden: 4{"}"}
            dataset:
              train:
                - {"{"}name: CocoPanoptic, dataset_name: synthetic_train, image_root: {layout.ImageFolder("train")}, annotation_file: {layout.PanopticJson("train")}{"}"}
              test:
                - {"{"}name: CocoPanoptic, dataset_name: synthetic_val, image_root: {layout.ImageFolder("val")}, annotation_file: {layout.PanopticJson("val")}{"}"}
              loader: {"{"}num_workers: 0{"}"}
            solver:
              ims_per_batch: 2
              base_lr: 0.01
              max_iter: 4
              steps: [3]
              warmup_iters: 1
              checkpoint_period: 2
              checkpoint_max_to_keep: 1
            runtime:
              seed: 3
              log_period: 2
              tensorboard: false
            test:
              eval_period: 0
              evaluators: [{"{"}name: TinyScore{"}"}]
            """);
    }
}
