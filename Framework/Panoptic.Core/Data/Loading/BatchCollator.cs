using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Data.Mapping;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Core.Data.Loading;

/// <summary>
/// Pads mapped examples into one <see cref="DataBatch"/> (detectron2 <c>ImageList.from_tensors</c>): images to the
/// largest height and width rounded up to the size divisibility, zeros at the bottom/right; semantic targets the
/// same way with the ignore label. Each input's image and target are views into the padded tensors.
/// </summary>
public static class BatchCollator
{
    /// <summary>Collates and takes ownership of <paramref name="examples"/> (their image tensors are freed once copied).</summary>
    /// <param name="examples">At least one example; every image with the same channel count.</param>
    /// <param name="sizeDivisibility">Padded sizes are multiples of this.</param>
    /// <param name="ignoreLabel">Fill of semantic padding.</param>
    public static DataBatch Collate(IReadOnlyList<MappedExample> examples, int sizeDivisibility, int ignoreLabel)
    {
        if (examples.Count == 0)
            throw new ArgumentException("cannot collate an empty batch", nameof(examples));
        using var scope = NewDisposeScope();
        var channels = examples[0].Image.Size(0);
        var height = RoundUp(examples.Max(e => e.Height), sizeDivisibility);
        var width = RoundUp(examples.Max(e => e.Width), sizeDivisibility);
        var images = Zeros([examples.Count, channels, height, width]);
        var semantic = examples.Any(e => e.Semantic is not null)
            ? Full([examples.Count, height, width], ignoreLabel, DType.Int64)
            : null;
        var inputs = new ModelInput[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var e = examples[i];
            var image = images.Index(i, TensorIndex.Colon, TensorIndex.Slice(0, e.Height), TensorIndex.Slice(0, e.Width));
            image.Copy_(e.Image);
            Tensor? target = null;
            if (semantic is not null)
            {
                target = semantic.Index(i, TensorIndex.Slice(0, e.Height), TensorIndex.Slice(0, e.Width));
                if (e.Semantic is not null)
                    target.Copy_(e.Semantic);
                scope.Detach(target);
            }
            inputs[i] = new ModelInput(scope.Detach(image), e.Record.Height, e.Record.Width)
            {
                Instances = e.Instances,
                SemanticSegmentation = target,
                Record = e.Record,
            };
        }
        var sizes = examples.Select(e => (e.Height, e.Width)).ToList();
        foreach (var e in examples)
        {
            e.Image.Dispose();
            e.Semantic?.Dispose();
        }
        return new DataBatch(new ImageList(scope.Detach(images), sizes), inputs, semantic is null ? null : scope.Detach(semantic));
    }

    private static int RoundUp(int value, int divisor) => (value + divisor - 1) / divisor * divisor;
}
