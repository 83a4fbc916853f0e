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
        return dir.Write("tiny.yaml", $"""
            {set.TinyModelAndData}
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
