using Panoptic.Core.Data.Synthetic;

namespace Panoptic.Plugins.Engine.Tests.Cli;

/// <summary>
/// A scratch folder with a tiny synthetic dataset (4 train + 2 val images, 64×64) and a training config for the
/// TinyRegressor test plugin on it; deleted on dispose.
/// </summary>
public sealed class TinyTrainingSet : IDisposable
{
    public TinyTrainingSet()
    {
        Root = Path.Combine(Path.GetTempPath(), "panoptic-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(Root, "data");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = data, TrainImages = 4, ValImages = 2, Width = 64, Height = 64, Seed = 5 });
        var layout = new SyntheticLayout(data);
        var plugin = Path.Combine(AppContext.BaseDirectory, "test-plugins", "Panoptic.TestPlugins.TinyModel");
        Config = Path.Combine(Root, "tiny.yaml");
        File.WriteAllText(Config, $"""
            plugins: [{plugin}]
            model: {"{"}name: TinyRegressor, hidden: 4{"}"}
            dataset:
              train:
                - {"{"}name: CocoPanoptic, dataset_name: tiny_train, image_root: {layout.ImageFolder("train")}, annotation_file: {layout.PanopticJson("train")}{"}"}
              test:
                - {"{"}name: CocoPanoptic, dataset_name: tiny_val, image_root: {layout.ImageFolder("val")}, annotation_file: {layout.PanopticJson("val")}{"}"}
              loader: {"{"}num_workers: 1{"}"}
            solver:
              ims_per_batch: 2
              base_lr: 0.01
              max_iter: 6
              steps: [4]
              warmup_iters: 2
              checkpoint_period: 3
            runtime:
              seed: 11
              log_period: 2
            test:
              eval_period: 3
              evaluators: [{"{"}name: TinyScore{"}"}]
              best_metric: tiny/score
            """.ReplaceLineEndings("\n"));
    }

    public string Root { get; }

    /// <summary>The training config (output_dir is set with --output).</summary>
    public string Config { get; }

    /// <summary>A fresh output folder under the scratch folder.</summary>
    public string Output(string name) => Path.Combine(Root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a scratch folder left in /tmp is harmless.
        }
    }
}
