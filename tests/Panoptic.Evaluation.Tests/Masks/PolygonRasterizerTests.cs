using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Tests.Masks;

// Expected pixels are worked out by hand from pycocotools' rule: vertices are rounded to a 5x finer grid, a column
// counts where the outline crosses its centre line, and a crossing at fine row v opens/closes the run at pixel row
// ceil((v + .5) / 5 - .5) (clamped to 0..h). So for an edge on whole pixel coordinates, pixel (x, y) is set when its
// centre (x + .5, y + .5) is inside; on half-pixel coordinates, centres on the left/top edge are out and centres on
// the right/bottom edge are in.
public class PolygonRasterizerTests
{
    [Fact]
    public void Square_on_whole_pixels_covers_the_pixels_whose_centres_are_inside()
    {
        // Columns 1 and 2 are crossed (fine x 7 and 12); rows 1 (top edge, fine y 5 -> ceil(.6)) to 3 (fine y 15 -> ceil(2.6)).
        var mask = PolygonRasterizer.Rasterize([1, 1, 1, 3, 3, 3, 3, 1], 4, 4);
        mask.Counts.ToArray().Should().Equal(5u, 2u, 2u, 2u, 5u);
        Pixels(mask).Should().BeEquivalentTo([(1, 1), (1, 2), (2, 1), (2, 2)]);
    }

    [Fact]
    public void Square_on_half_pixels_keeps_centres_on_the_bottom_right_edges()
    {
        // Fine grid 3..13: columns crossed at fine x 7 and 12 -> columns 1, 2 (centre 0.5 on the left edge is out);
        // top fine y 3 -> ceil(0.2) = 1, bottom fine y 13 -> ceil(2.2) = 3: rows 1 and 2 (centre 2.5 on the bottom edge is in).
        var mask = PolygonRasterizer.Rasterize([0.5, 0.5, 0.5, 2.5, 2.5, 2.5, 2.5, 0.5], 4, 4);
        Pixels(mask).Should().BeEquivalentTo([(1, 1), (1, 2), (2, 1), (2, 2)]);
    }

    [Fact]
    public void Polygon_touching_the_border_fills_the_image()
    {
        // Bottom edge fine y 20 -> ceil(3.6) = 4 = h; the crossings of column x start at x*4 and end at x*4+4, where the
        // next column starts: the coinciding positions cancel and one run of 16 remains.
        var mask = PolygonRasterizer.Rasterize([0, 0, 0, 4, 4, 4, 4, 0], 4, 4);
        mask.Counts.ToArray().Should().Equal(0u, 16u);
    }

    [Fact]
    public void Polygon_beyond_the_border_is_clipped()
    {
        // Columns -1 and 4 are outside and dropped; rows clamp to 0 and h.
        var mask = PolygonRasterizer.Rasterize([-1, -1, -1, 5, 5, 5, 5, -1], 4, 4);
        mask.Counts.ToArray().Should().Equal(0u, 16u);
    }

    [Fact]
    public void Collinear_polygon_is_empty()
    {
        // Every column is crossed twice at the same position (going out and back), so the runs cancel.
        var mask = PolygonRasterizer.Rasterize([0, 0, 2, 2, 4, 4], 5, 5);
        mask.Counts.ToArray().Should().Equal(25u);
    }

    [Fact]
    public void Single_point_and_repeated_vertices_are_harmless()
    {
        PolygonRasterizer.Rasterize([1, 1], 3, 3).Area.Should().Be(0);
        var repeated = PolygonRasterizer.Rasterize([1, 1, 1, 1, 1, 3, 3, 3, 3, 1, 1, 1], 4, 4);
        repeated.Counts.ToArray().Should().Equal(PolygonRasterizer.Rasterize([1, 1, 1, 3, 3, 3, 3, 1], 4, 4).Counts.ToArray());
    }

    [Fact]
    public void Multi_part_polygon_is_the_union_of_its_parts()
    {
        // [0,1]^2 gives pixel (0,0) -> [0, 1, 15]; [2,3]^2 gives pixel (2,2) at position 2*4+2 = 10 -> [10, 1, 5].
        var segmentation = new PolygonSegmentation([[0, 0, 0, 1, 1, 1, 1, 0], [2, 2, 2, 3, 3, 3, 3, 2]]);
        var mask = segmentation.ToMask(4, 4);
        mask.Counts.ToArray().Should().Equal(0u, 1u, 9u, 1u, 5u);
    }

    [Fact]
    public void Overlapping_parts_are_united_not_toggled()
    {
        var segmentation = new PolygonSegmentation([[1, 1, 1, 3, 3, 3, 3, 1], [1, 1, 1, 3, 3, 3, 3, 1]]);
        segmentation.ToMask(4, 4).Area.Should().Be(4);
    }

    [Fact]
    public void First_part_of_four_numbers_is_read_as_boxes_like_pycocotools()
    {
        // frPyObjects sees len(poly[0]) == 4 and calls frBbox: [1, 1, 2, 2] is the box x=1, y=1, w=2, h=2.
        var segmentation = new PolygonSegmentation([[1, 1, 2, 2]]);
        Pixels(segmentation.ToMask(4, 4)).Should().BeEquivalentTo([(1, 1), (1, 2), (2, 1), (2, 2)]);
    }

    [Fact]
    public void Triangle_matches_the_centre_rule()
    {
        // Right triangle (0,0) (4,0) (0,4): pixel centres with x + y < 4 are inside (those with x + y = 4 lie on the
        // hypotenuse, which runs through fine-grid points, so they are inside too when the rounding puts them there).
        var mask = PolygonRasterizer.Rasterize([0, 0, 4, 0, 0, 4], 4, 4);
        var pixels = Pixels(mask);
        pixels.Should().Contain([(0, 0), (1, 0), (2, 0), (0, 1), (1, 1), (0, 2)]);
        pixels.Should().NotContain([(3, 3), (2, 2), (3, 2), (2, 3)]);
    }

    private static List<(int X, int Y)> Pixels(RleMask mask)
    {
        var bitmap = RleBitmap.ToRowMajor(mask);
        var result = new List<(int, int)>();
        for (var y = 0; y < mask.Height; y++)
            for (var x = 0; x < mask.Width; x++)
                if (bitmap[y * mask.Width + x] != 0)
                    result.Add((x, y));
        return result;
    }
}
