using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Hosting;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;
using Panoptic.Torch.Serialization;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Benchmarks;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Our side of <c>panoptic benchmark model</c>: GeneralizedRCNN from Configs/torchvision/maskrcnn_resnet50_fpn.yaml
/// with the peer's weights, built through the plugin host; one inference of the peer's image, and one training step
/// (losses, backward, SGD) on the peer's batch.
/// </summary>
internal sealed class ModelWorkload : IDisposable
{
    private readonly Module _inference;
    private readonly Module _training;
    private readonly IReadOnlyList<ModelInput> _image;
    private readonly IReadOnlyList<ModelInput> _batch;
    private readonly SGD _optimizer;

    public ModelWorkload(string folder, bool quick)
    {
        var config = Path.Combine(ModelPeer.RepositoryRoot(), "Configs", "torchvision", "maskrcnn_resnet50_fpn.yaml");
        var weights = $"model.weights={Path.Combine(folder, "model.pth")}";
        var (minSize, maxSize, trainSize) = quick ? (320, 480, 256) : (800, 1333, 512);
        _inference = Build(config, weights, $"model.min_size=[{minSize}]", $"model.max_size={maxSize}");
        _inference.Eval();
        _training = Build(config, weights, $"model.min_size=[{trainSize}]", $"model.max_size={trainSize}");
        _training.Train();
        _optimizer = new SGD(_training.Parameters().Where(p => p.RequiresGrad), 1e-5, momentum: 0.9);
        var picture = ImageCodec.Read(Path.Combine(folder, "infer.png")).Permute(2, 0, 1).Contiguous();
        _image = [new ModelInput(picture, (int)picture.Size(1), (int)picture.Size(2))];
        _batch = TrainingBatch(Path.Combine(folder, "train.pth"));
    }

    /// <summary>Detections of one inference.</summary>
    public int Infer()
    {
        using var scope = Torch.NewDisposeScope();
        return ((IMetaArchitecture)_inference).Inference(_image)[0].Instances!.Count ?? 0;
    }

    /// <summary>One training step.</summary>
    public void Train()
    {
        using var scope = Torch.NewDisposeScope();
        var losses = ((IMetaArchitecture)_training).Losses(_batch);
        _optimizer.ZeroGrad();
        losses.Values.Aggregate((a, b) => a + b).Backward();
        _optimizer.Step();
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _inference.Dispose();
        _training.Dispose();
    }

    private static Module Build(string config, params string[] overrides)
    {
        var runtime = PanopticRuntime.Load(config, overrides);
        return (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(runtime.Config!.Model!, new MetaArchitectureContext());
    }

    /// <summary>The peer's two training images with boxes, classes (torchvision label − 1) and bitmap masks.</summary>
    private static IReadOnlyList<ModelInput> TrainingBatch(string path)
    {
        var saved = PyTorchCheckpoint.LoadStateDict(path);
        return Enumerable.Range(0, 2).Select(i =>
        {
            var image = saved[$"image.{i}"];
            var instances = new Instances((int)image.Size(1), (int)image.Size(2))
                .Set(InstanceFields.GtBoxes, new Boxes(saved[$"boxes.{i}"]))
                .Set(InstanceFields.GtClasses, saved[$"labels.{i}"] - 1)
                .Set(InstanceFields.GtMasks, new BitMasks(saved[$"masks.{i}"].Bool()));
            return new ModelInput(image, (int)image.Size(1), (int)image.Size(2)) { Instances = instances };
        }).ToList();
    }
}
