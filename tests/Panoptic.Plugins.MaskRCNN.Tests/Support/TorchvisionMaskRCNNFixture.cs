using Panoptic.Abstractions.Modeling;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.MaskRCNN.Tests.Support;

/// <summary>
/// One run of <c>Fixtures/torchvision_maskrcnn.py</c> (torchvision's maskrcnn_resnet50_fpn with random weights, same
/// thread count as ours) and our GeneralizedRCNN built from <c>Configs/torchvision/maskrcnn_resnet50_fpn.yaml</c>
/// with that checkpoint, shared by the parity tests. The .pth files live in a temporary folder.
/// </summary>
public sealed class TorchvisionMaskRCNNFixture : IDisposable
{
    public const int MinSize = 288;
    public const int MaxSize = 480;

    private readonly TempFolder _folder = new();

    public TorchvisionMaskRCNNFixture()
    {
        PythonReference.RunFile(PythonReference.Fixture("torchvision_maskrcnn.py"), Torch.Torch.NumThreads,
            Path.Combine(RepositoryPaths.Root, "Tools", "peers"), _folder.Path, MinSize.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Reference = PyTorchCheckpoint.LoadStateDict(_folder.File("reference.pth"));
        var factory = new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly);
        Model = (GeneralizedRCNN)factory.Model(RepositoryPaths.Config("torchvision/maskrcnn_resnet50_fpn.yaml"),
            $"model.min_size=[{MinSize}]", $"model.max_size={MaxSize}", $"model.weights={CheckpointPath}");
        Model.Eval();
        Inputs = Enumerable.Range(0, 2).Select(i =>
        {
            var image = Reference[$"image.{i}"];
            return new ModelInput(image, (int)image.Size(1), (int)image.Size(2));
        }).ToList();
    }

    /// <summary>The torchvision state dict the model was loaded from.</summary>
    public string CheckpointPath => _folder.File("model.pth");

    /// <summary>Everything the script saved (see its docstring).</summary>
    public TensorDictionary Reference { get; }

    public GeneralizedRCNN Model { get; }

    /// <summary>The two test images, uint8 RGB at their original sizes.</summary>
    public IReadOnlyList<ModelInput> Inputs { get; }

    public void Dispose()
    {
        Model.Dispose();
        Reference.Dispose();
        _folder.Dispose();
    }
}
