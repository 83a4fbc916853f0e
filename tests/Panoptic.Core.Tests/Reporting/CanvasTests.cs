using FluentAssertions;
using Panoptic.Core.Reporting;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Imaging;
using Xunit;

namespace Panoptic.Core.Tests.Reporting;

public class CanvasTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    private static HashSet<(int, int)> Inked(Canvas canvas, Rgb color)
    {
        var set = new HashSet<(int, int)>();
        for (var y = 0; y < canvas.Height; y++)
        {
            for (var x = 0; x < canvas.Width; x++)
            {
                if (canvas[x, y] == color)
                    set.Add((x, y));
            }
        }
        return set;
    }

    [Fact]
    public void A_thin_line_sets_exactly_the_Bresenham_pixels()
    {
        var canvas = new Canvas(8, 6, Rgb.White);
        canvas.DrawLine(0, 0, 4, 2, Red);
        Inked(canvas, Red).Should().BeEquivalentTo(new[] { (0, 0), (1, 1), (2, 1), (3, 2), (4, 2) });

        var diagonal = new Canvas(5, 5, Rgb.White);
        diagonal.DrawLine(3, 3, 0, 0, Red);
        Inked(diagonal, Red).Should().BeEquivalentTo(new[] { (0, 0), (1, 1), (2, 2), (3, 3) });
    }

    [Fact]
    public void A_thick_horizontal_line_covers_rows_centred_on_it_and_clips_at_the_border()
    {
        var canvas = new Canvas(10, 8, Rgb.White);
        canvas.DrawLine(2, 4, 6, 4, Red, thickness: 3);
        var expected = from y in new[] { 3, 4, 5 } from x in Enumerable.Range(1, 7) select (x, y);
        Inked(canvas, Red).Should().BeEquivalentTo(expected);

        var clipped = new Canvas(4, 4, Rgb.White);
        clipped.DrawLine(-5, 0, 10, 0, Red, thickness: 2);
        Inked(clipped, Red).Should().BeEquivalentTo(from y in new[] { 0, 1 } from x in Enumerable.Range(0, 4) select (x, y));
    }

    [Fact]
    public void Rectangles_fill_and_outline_the_given_pixels()
    {
        var canvas = new Canvas(6, 5, Rgb.White);
        canvas.DrawRect(1, 1, 4, 3, Red);
        Inked(canvas, Red).Should().HaveCount(10).And.NotContain((2, 2)).And.NotContain((3, 2)).And.Contain((4, 3));
        canvas.FillRect(1, 1, 4, 3, Rgb.Black);
        Inked(canvas, Rgb.Black).Should().HaveCount(12);
        canvas[0, 0].Should().Be(Rgb.White);
    }

    [Fact]
    public void A_glyph_is_drawn_pixel_for_pixel_and_scaled_by_blocks()
    {
        var canvas = new Canvas(7, 10, Rgb.White);
        canvas.DrawText(1, 1, "A", Rgb.Black);
        string[] a = [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#", "....."];
        var expected = from r in Enumerable.Range(0, 8) from c in Enumerable.Range(0, 5) where a[r][c] == '#' select (c + 1, r + 1);
        Inked(canvas, Rgb.Black).Should().BeEquivalentTo(expected);

        var big = new Canvas(12, 16, Rgb.White);
        big.DrawText(0, 0, "I", Rgb.Black, scale: 2);
        var ink = Inked(big, Rgb.Black);
        ink.Should().HaveCount(11 * 4); // 'I' has 11 pixels, each a 2x2 block
        ink.Should().Contain(new[] { (2, 0), (3, 1), (4, 2), (5, 3), (7, 13) }).And.NotContain((0, 2));
    }

    [Fact]
    public void Text_measures_advance_and_line_height()
    {
        BitmapFont.Measure("AB").Should().Be((11, 8));
        BitmapFont.Measure("AB\nCDE", 2).Should().Be((34, 36));
        BitmapFont.Measure("").Should().Be((0, 0));
        BitmapFont.Has('±').Should().BeTrue();
        BitmapFont.Has('é').Should().BeFalse();
    }

    [Fact]
    public void Rotated_text_puts_the_first_character_at_the_bottom()
    {
        var canvas = new Canvas(8, 11, Rgb.White);
        canvas.DrawTextUp(0, 0, "L", Rgb.Black);
        // 'L' = a vertical stroke in column 0 (rows 0..6) and a bottom bar in row 6; rotated counter-clockwise the stroke
        // becomes the bottom row y = 4 (x 0..6) and the bar the column x = 6 (y 0..4).
        var expected = Enumerable.Range(0, 7).Select(x => (x, 4)).Concat(Enumerable.Range(0, 5).Select(y => (6, y)));
        Inked(canvas, Rgb.Black).Should().BeEquivalentTo(expected.Distinct());
    }

    [Fact]
    public void The_png_decodes_back_to_the_same_pixels()
    {
        using var dir = new TempDirectory();
        var canvas = new Canvas(23, 17, new Rgb(10, 20, 30));
        canvas.DrawLine(0, 16, 22, 0, Red, 2);
        canvas.DrawText(2, 2, "Hi!", new Rgb(0, 200, 100));
        var path = Path.Combine(dir.Path, "sub", "c.png");
        canvas.SavePng(path);
        var image = PngCodec.Decode(path);
        image.Width.Should().Be(23);
        image.Height.Should().Be(17);
        image.Channels.Should().Be(3);
        image.Pixels.Should().Equal(canvas.ToImage().Pixels);
        Directory.GetFiles(Path.Combine(dir.Path, "sub")).Should().ContainSingle(); // no temporary left behind
    }
}
