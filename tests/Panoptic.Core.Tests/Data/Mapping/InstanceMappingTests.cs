using FluentAssertions;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Data.Mapping;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Masks;
using Panoptic.Torch;
using Panoptic.Torch.Vision;
using Xunit;
using static Panoptic.Torch.Torch;
using AbstractRle = Panoptic.Abstractions.Data.RleMask;

namespace Panoptic.Core.Tests.Data.Mapping;

public sealed class InstanceMappingTests : IDisposable
{
    private const int Height = 24, Width = 32;

    /// <summary>A five-pointed star with fractional vertices, and a triangle.</summary>
    private static readonly float[] Star = [16.3f, 2.2f, 19.1f, 9.7f, 27.4f, 10.1f, 20.8f, 15.2f, 23.3f, 22.6f, 16.1f, 18.4f, 9.2f, 22.9f, 11.6f, 15.1f, 4.9f, 10.3f, 13.2f, 9.6f];

    private static readonly float[] Triangle = [1.5f, 1.5f, 8.7f, 2.1f, 3.2f, 7.9f];

    private readonly TempDirectory _dir = new();
    private readonly string _image;

    public InstanceMappingTests()
    {
        _image = Path.Combine(_dir.Path, "image.png");
        using var pixels = Zeros([Height, Width, 3], DType.UInt8);
        ImageCodec.Write(_image, pixels);
    }

    public void Dispose() => _dir.Dispose();

    private static Evaluation.Masks.RleMask Rasterize(params float[][] polygons) =>
        RleMerge.Merge(polygons.Select(p => PolygonRasterizer.Rasterize(p.Select(v => (double)v).ToArray(), Height, Width)).ToList());

    private DatasetRecord Record(params ObjectAnnotation[] annotations) => new(1, _image, Height, Width) { Annotations = annotations };

    private static MappedExample Map(DatasetRecord record, MaskFormat format) =>
        new DatasetMapper(TransformPipeline.Identity, new MapperOptions { MaskFormat = format }).Map(record, new Random(0));

    [Fact]
    public void Polygon_and_rle_annotations_give_the_evaluators_pixels()
    {
        var rle = Rasterize(Star, Triangle);
        var polygon = new ObjectAnnotation([4.9f, 1.5f, 22.5f, 21.4f], BoxMode.XYWH, 0, Polygons: [Star, Triangle]);
        var compressed = new ObjectAnnotation([4.9f, 1.5f, 22.5f, 21.4f], BoxMode.XYWH, 1, Rle: new AbstractRle(Height, Width, RleString.Encode(rle)));

        using var example = Map(Record(polygon, compressed), MaskFormat.Bitmask);

        var masks = example.Instances!.Get<BitMasks>(InstanceFields.GtMasks).Tensor;
        masks.Shape.Should().Equal(2, Height, Width);
        var expected = RleBitmap.ToRowMajor(rle).Select(b => b != 0).ToArray();
        using (var first = masks[0])
            first.ToArray<bool>().Should().Equal(expected);
        using (var second = masks[1])
            second.ToArray<bool>().Should().Equal(expected);
        rle.Area.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Polygon_format_keeps_polygons_and_refuses_rle()
    {
        var polygon = new ObjectAnnotation([1.5f, 1.5f, 7.2f, 6.4f], BoxMode.XYWH, 0, Polygons: [Triangle]);
        using (var example = Map(Record(polygon), MaskFormat.Polygon))
            example.Instances!.Get<PolygonMasks>(InstanceFields.GtMasks).Polygons.Single().Single().Should().Equal(Triangle);

        var rle = new ObjectAnnotation([1.5f, 1.5f, 7.2f, 6.4f], BoxMode.XYWH, 0, Rle: new AbstractRle(Height, Width, RleString.Encode(Rasterize(Triangle))));
        var act = () => Map(Record(polygon, rle), MaskFormat.Polygon);
        act.Should().Throw<DatasetDataException>().WithMessage("*mask_format is polygon; set dataset.mask_format: bitmask*")
            .Which.Problems.Single().ImageId.Should().Be("1");
    }

    [Fact]
    public void Crowds_are_dropped_boxes_clipped_and_empty_boxes_removed()
    {
        var annotations = new[]
        {
            new ObjectAnnotation([-3f, 2f, 10f, 5f], BoxMode.XYWH, 2),
            new ObjectAnnotation([1f, 1f, 5f, 5f], BoxMode.XYWH, 1, IsCrowd: true),
            new ObjectAnnotation([40f, 2f, 4f, 4f], BoxMode.XYWH, 0),
            new ObjectAnnotation([5f, 6f, 9f, 20f], BoxMode.XYXY, 3),
        };

        using var example = Map(Record(annotations), MaskFormat.Polygon);

        var instances = example.Instances!;
        instances.Get<Boxes>(InstanceFields.GtBoxes).Tensor.ToArray<float>().Should().Equal(0f, 2f, 7f, 7f, 5f, 6f, 9f, 20f);
        instances.Get<Tensor>(InstanceFields.GtClasses).ToArray<long>().Should().Equal(2L, 3L);
        instances.Has(InstanceFields.GtMasks).Should().BeFalse("the annotations have no segmentation");
    }

    [Fact]
    public void Mask_boxes_are_the_tight_boxes_of_the_set_pixels()
    {
        using var masks = Zeros([3, 5, 6], DType.Bool);
        using (var a = masks[0, 1..4, 2..3]) a.Fill_(1);
        using (var b = masks[1, 0..5, 0..6]) b.Fill_(1);

        using var boxes = MaskBoxes.FromMasks(masks);

        boxes.ToArray<float>().Should().Equal(2f, 1f, 3f, 4f, 0f, 0f, 6f, 5f, 0f, 0f, 0f, 0f);
    }
}
