using FluentAssertions;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Xunit;

namespace Panoptic.Core.Tests.Structures;

public sealed class InstancesTests
{
    [Fact]
    public void To_the_device_the_tensors_are_on_keeps_every_field_without_copying()
    {
        using var boxes = Panoptic.Torch.Torch.From(new float[] { 0, 0, 4, 4, 1, 1, 3, 5 }, 2, 4);
        using var classes = Panoptic.Torch.Torch.From(new long[] { 3, 1 }, 2);
        using var masks = Panoptic.Torch.Torch.Zeros([2, 5, 5], DType.Bool);
        var polygons = new PolygonMasks([[new float[] { 0, 0, 4, 0, 4, 4 }], [new float[] { 1, 1, 3, 1, 3, 5 }]]);
        var instances = new Instances(5, 5)
            .Set(InstanceFields.GtBoxes, new Boxes(boxes))
            .Set(InstanceFields.GtClasses, classes)
            .Set(InstanceFields.GtMasks, new BitMasks(masks))
            .Set("gt_polygons", polygons);

        var moved = instances.To(Device.Cpu);

        moved.Should().NotBeSameAs(instances);
        (moved.ImageHeight, moved.ImageWidth, moved.Count).Should().Be((5, 5, 2));
        moved.FieldNames.Should().Equal(instances.FieldNames);
        moved.Get<Boxes>(InstanceFields.GtBoxes).Tensor.Should().BeSameAs(boxes);
        moved.Get<Tensor>(InstanceFields.GtClasses).Should().BeSameAs(classes);
        moved.Get<BitMasks>(InstanceFields.GtMasks).Tensor.Should().BeSameAs(masks);
        moved.Get<PolygonMasks>("gt_polygons").Should().BeSameAs(polygons);
        moved.Get<Tensor>(InstanceFields.GtClasses).ToArray<long>().Should().Equal(3, 1);
    }
}
