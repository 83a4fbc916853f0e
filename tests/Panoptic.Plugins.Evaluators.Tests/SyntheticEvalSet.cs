using Panoptic.Core.Data;
using Panoptic.Core.Data.Coco;
using Panoptic.Core.Data.Synthetic;

namespace Panoptic.Plugins.Evaluators.Tests;

/// <summary>A tiny synthetic dataset (3 val images, 48x48) read with the data readers.</summary>
public sealed class SyntheticEvalSet : IDisposable
{
    public SyntheticEvalSet()
    {
        Root = Path.Combine(Path.GetTempPath(), "panoptic-evaluators-" + Guid.NewGuid().ToString("N"));
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = Root, TrainImages = 0, ValImages = 3, Width = 48, Height = 40, Seed = 5 });
        Layout = new SyntheticLayout(Root);
        Instances = CocoInstancesReader.Read(Layout.InstancesJson("val"), Layout.ImageFolder("val"), "val");
        Panoptic = CocoPanopticReader.Read(Layout.PanopticJson("val"), null, Layout.ImageFolder("val"), "val");
    }

    public string Root { get; }

    public SyntheticLayout Layout { get; }

    public DatasetLoad Instances { get; }

    public DatasetLoad Panoptic { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
