using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// Turns a record into model input (detectron2 <c>DatasetMapper</c>): decodes the image in the configured channel
/// order, samples the transform steps from the image's own generator, and applies them to the image and to its
/// ground truth — instances from annotations (<see cref="InstanceTargets"/>) or from a panoptic PNG
/// (<see cref="PanopticTargets"/>), and a semantic target. Safe to call from several threads at once; what it
/// returns belongs to no dispose scope.
/// </summary>
public sealed class DatasetMapper(TransformPipeline transforms, MapperOptions options)
{
    public TransformPipeline Transforms { get; } = transforms;

    public MapperOptions Options { get; } = options;

    /// <summary>Maps one record.</summary>
    /// <param name="record">The image and its annotations.</param>
    /// <param name="random">The image's generator: the same seed gives the same example.</param>
    /// <exception cref="DatasetDataException">The image or a target file is missing, corrupt or of the wrong size (named with the file and image id).</exception>
    public MappedExample Map(DatasetRecord record, Random random)
    {
        using var scope = NewDisposeScope();
        var decoded = Decode(record);
        var steps = Transforms.Sample(record.Height, record.Width, random);
        var image = steps.ApplyImage(decoded).To(DType.Float32).Permute(2, 0, 1).Contiguous();

        Instances? instances = null;
        Tensor? semantic = null;
        if (Options.LoadTargets)
        {
            if (record.PanopticSegmentationFile is not null)
                (instances, semantic) = PanopticTargets.Build(record, steps, Options);
            else
                instances = InstanceTargets.Build(record, steps, Options);
            if (semantic is null && record.SemanticSegmentationFile is not null)
                semantic = SemanticFile(record, steps);
        }
        if (instances is not null)
            DetachFields(scope, instances);
        return new MappedExample(record, scope.Detach(image), instances, semantic is null ? null : scope.Detach(semantic));
    }

    private Tensor Decode(DatasetRecord record)
    {
        var order = Options.ImageFormat == ImageFormat.RGB ? ColorOrder.Rgb : ColorOrder.Bgr;
        Tensor image;
        try
        {
            image = ImageCodec.Read(record.FileName, order);
        }
        catch (ImageDataException e)
        {
            var kind = File.Exists(record.FileName) ? DatasetProblemKind.UnreadableFile : DatasetProblemKind.MissingImage;
            throw new DatasetDataException(new DatasetProblem(kind, record.FileName, e.Message, Id(record)), e);
        }
        var (height, width) = ((int)image.Size(0), (int)image.Size(1));
        if (height != record.Height || width != record.Width)
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.SizeMismatch, record.FileName,
                $"image is {width}x{height} but its annotations say {record.Width}x{record.Height}", Id(record)));
        return image;
    }

    /// <summary>A semantic PNG (one class index per pixel, 255 = ignore) through the same steps.</summary>
    private static Tensor SemanticFile(DatasetRecord record, TransformSteps steps)
    {
        var path = record.SemanticSegmentationFile!;
        Tensor labels;
        try
        {
            labels = ImageCodec.Read(path, grayscale: true).Squeeze(2);
        }
        catch (ImageDataException e)
        {
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, e.Message, Id(record)), e);
        }
        if (labels.Size(0) != record.Height || labels.Size(1) != record.Width)
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.SizeMismatch, path,
                $"semantic PNG is {labels.Size(1)}x{labels.Size(0)} but the image is {record.Width}x{record.Height}", Id(record)));
        return steps.ApplySegmentation(labels).To(DType.Int64);
    }

    /// <summary>Takes the tensors of <paramref name="instances"/> out of <paramref name="scope"/> (and every enclosing one).</summary>
    internal static void DetachFields(DisposeScope scope, Instances instances)
    {
        foreach (var name in instances.FieldNames)
        {
            switch (instances.Get<object>(name))
            {
                case Tensor tensor:
                    scope.Detach(tensor);
                    break;
                case Boxes boxes:
                    scope.Detach(boxes.Tensor);
                    break;
                case BitMasks masks:
                    scope.Detach(masks.Tensor);
                    break;
            }
        }
    }

    private static string Id(DatasetRecord record) => record.ImageId.ToString(CultureInfo.InvariantCulture);
}
