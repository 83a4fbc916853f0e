using Panoptic.Abstractions.Data;
using Panoptic.Plugins.Data.Transforms;

namespace Panoptic.Plugins.Data.Tests.Transforms;

public sealed class ResizeShortestEdgeTests
{
    [Theory]
    [InlineData(480, 640, 800, 1333, 800, 1067)]
    [InlineData(427, 640, 800, 1333, 800, 1199)]
    [InlineData(360, 640, 800, 1333, 750, 1333)]
    [InlineData(640, 427, 800, 1333, 1199, 800)]
    [InlineData(64, 64, 256, 384, 256, 256)]
    [InlineData(100, 333, 224, 384, 115, 384)]
    [InlineData(301, 200, 288, 384, 384, 255)]
    public void Output_sizes_follow_detectron2s_get_output_shape(int h, int w, int shortEdge, int maxSize, int expectedH, int expectedW)
    {
        ResizeShortestEdge.OutputSize(h, w, shortEdge, maxSize).Should().Be((expectedH, expectedW));
    }

    [Fact]
    public void Lengths_are_drawn_from_the_images_generator()
    {
        var choice = new ResizeShortestEdge([100, 200, 300], 10000);
        var range = new ResizeShortestEdge([100, 110], 10000, SampleStyle.Range);

        int Draw(ITransform t, int seed) => t.Sample(50, 80, new Random(seed)).OutputSize.Height;
        Enumerable.Range(0, 40).Select(s => Draw(choice, s)).Distinct().Order().Should().Equal(100, 200, 300);
        Enumerable.Range(0, 40).Select(s => Draw(range, s)).Should().OnlyContain(v => v >= 100 && v <= 110);
        Enumerable.Range(0, 40).Select(s => Draw(range, s)).Should().Equal(Enumerable.Range(0, 40).Select(s => Draw(range, s)), "the same seed gives the same draw");
        choice.Sample(200, 300, new Random(1)).Should().Match<ITransformStep>(s => s.OutputSize.Height == 200 || s.OutputSize.Height != 200);
    }

    [Fact]
    public void Options_reject_a_reversed_range()
    {
        var options = new ResizeShortestEdgeOptions { ShortEdgeLength = [300, 200], SampleStyle = SampleStyle.Range };

        options.Validate().Single().Message.Should().Contain("[300, 200] is empty");
    }
}
