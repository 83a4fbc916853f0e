using Panoptic.Core.Data.Synthetic;

namespace Panoptic.Core.Tests.Support;

/// <summary>A tiny synthetic dataset (6 train + 2 val images of 64×64, seed 11) generated once per test class into a temp folder.</summary>
public sealed class SyntheticSet : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SyntheticSet()
    {
        Options = new SyntheticDatasetOptions { OutputDir = _dir.Path, TrainImages = 6, ValImages = 2, Width = 64, Height = 64, Seed = 11 };
        Summaries = SyntheticDatasetWriter.Write(Options);
        Layout = new SyntheticLayout(_dir.Path);
    }

    public SyntheticDatasetOptions Options { get; }

    public IReadOnlyList<SyntheticSplitSummary> Summaries { get; }

    public SyntheticLayout Layout { get; }

    public string Root => _dir.Path;

    /// <summary>
    /// The <c>model:</c> (TinyRegressor) and <c>dataset:</c> sections of a tiny training config on this set, at column 0,
    /// for configs that add their own solver/runtime/test sections.
    /// </summary>
    public string TinyModelAndData => $"""
        model: {"{"}name: TinyRegressor, hidden: 4{"}"}
        dataset:
          train:
            - {"{"}name: CocoPanoptic, dataset_name: synthetic_train, image_root: {Layout.ImageFolder("train")}, annotation_file: {Layout.PanopticJson("train")}{"}"}
          test:
            - {"{"}name: CocoPanoptic, dataset_name: synthetic_val, image_root: {Layout.ImageFolder("val")}, annotation_file: {Layout.PanopticJson("val")}{"}"}
          loader: {"{"}num_workers: 0{"}"}
        """;

    public void Dispose() => _dir.Dispose();
}
