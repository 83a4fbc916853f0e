using System.Buffers.Binary;
using System.IO.Compression;
using Panoptic.Evaluation.Imaging;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.Imaging;

public class PngCodecTests
{
    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (var i = 0; i < length; i += 7)
            bytes[i] = (byte)(i / 7); // some structure, so filters differ
        return bytes;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Encode_decode_round_trips(int channels)
    {
        var image = new PngImage(13, 7, channels, Noise(13 * 7 * channels, channels));
        var decoded = PngCodec.Decode(PngCodec.Encode(image));
        decoded.Width.Should().Be(13);
        decoded.Height.Should().Be(7);
        decoded.Channels.Should().Be(channels);
        decoded.Pixels.Should().Equal(image.Pixels);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decodes_every_filter_type(int filter)
    {
        var pixels = Noise(9 * 5 * 3, filter + 10);
        var png = BuildPng(9, 5, colorType: 2, bitDepth: 8, interlace: 0, raw: pixels, bytesPerPixel: 3, filter: filter);
        PngCodec.Decode(png).Pixels.Should().Equal(pixels);
    }

    [Fact]
    public void Palette_images_are_expanded_to_rgb()
    {
        byte[] indices = [0, 1, 2, 1];
        byte[] palette = [10, 20, 30, 40, 50, 60, 70, 80, 90];
        var png = BuildPng(2, 2, colorType: 3, bitDepth: 8, interlace: 0, raw: indices, bytesPerPixel: 1, filter: 0, palette: palette);
        var image = PngCodec.Decode(png);
        image.Channels.Should().Be(3);
        image.Pixels.Should().Equal(10, 20, 30, 40, 50, 60, 70, 80, 90, 40, 50, 60);
    }

    [Fact]
    public void Interlaced_and_16_bit_files_are_rejected_naming_the_file()
    {
        using var temp = new TempFolder();
        var interlaced = temp.File("interlaced.png");
        File.WriteAllBytes(interlaced, BuildPng(2, 2, 2, 8, 1, new byte[12], 3, 0));
        var act = () => PngCodec.Decode(interlaced);
        act.Should().Throw<PngDataException>().WithMessage($"{interlaced}: interlaced*");

        var deep = temp.File("deep.png");
        File.WriteAllBytes(deep, BuildPng(2, 2, 2, 16, 0, new byte[24], 6, 0));
        var act16 = () => PngCodec.Decode(deep);
        act16.Should().Throw<PngDataException>().WithMessage($"{deep}: bit depth 16*");
    }

    [Fact]
    public void Corrupt_files_are_rejected()
    {
        var png = PngCodec.Encode(new PngImage(4, 4, 3, Noise(48, 1)));
        png[^20] ^= 0xff;
        var act = () => PngCodec.Decode(png, "broken.png");
        act.Should().Throw<PngDataException>().WithMessage("broken.png: *");
        var notPng = () => PngCodec.Decode("hello"u8, "text.txt");
        notPng.Should().Throw<PngDataException>().WithMessage("text.txt: not a PNG*");
    }

    [Fact]
    public void Write_atomic_leaves_only_the_file()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "sub", "a.png");
        var image = new PngImage(3, 2, 3, Noise(18, 3));
        PngCodec.WriteAtomic(path, image);
        PngCodec.WriteAtomic(path, image);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal(path);
        PngCodec.Decode(path).Pixels.Should().Equal(image.Pixels);
    }

    [Fact]
    public void Sample_panoptic_png_holds_the_json_segments_with_their_areas()
    {
        var dataset = PanopticDataset.Load(PanopticSample.Json);
        var annotation = dataset.Annotations[0];
        var png = PngCodec.Decode(Path.Combine(PanopticSample.PngFolder, annotation.FileName));
        (png.Width, png.Height, png.Channels).Should().Be((640, 427, 3));
        var counts = PanopticIds.FromImage(png).GroupBy(id => id).ToDictionary(g => g.Key, g => (long)g.Count());
        foreach (var segment in annotation.Segments)
            counts[segment.Id].Should().Be(segment.Area);
        counts.Keys.Where(id => id != 0).Should().BeEquivalentTo(annotation.Segments.Select(s => s.Id));
    }

    /// <summary>A PNG built by hand: every row with the given filter, one IDAT chunk.</summary>
    private static byte[] BuildPng(int width, int height, int colorType, int bitDepth, int interlace, byte[] raw, int bytesPerPixel, int filter, byte[]? palette = null)
    {
        using var output = new MemoryStream();
        output.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colorType;
        header[12] = (byte)interlace;
        Chunk(output, "IHDR", header);
        if (palette is not null)
            Chunk(output, "PLTE", palette);
        var stride = raw.Length / height;
        using var data = new MemoryStream();
        using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
        {
            var previous = new byte[stride];
            var filtered = new byte[stride];
            for (var y = 0; y < height; y++)
            {
                var row = raw.AsSpan(y * stride, stride);
                PngFilters.Filter(filter, row, previous, bytesPerPixel, filtered);
                z.WriteByte((byte)filter);
                z.Write(filtered);
                row.CopyTo(previous);
            }
        }
        Chunk(output, "IDAT", data.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] body)
    {
        var word = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)body.Length);
        output.Write(word);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), body));
        output.Write(word);
    }
}
