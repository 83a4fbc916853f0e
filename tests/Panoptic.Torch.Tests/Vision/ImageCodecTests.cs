using System.Text.Json;
using Panoptic.Torch.Tests.Support;
using Panoptic.Torch.Vision;

namespace Panoptic.Torch.Tests.Vision;

public class ImageCodecTests
{
    private static string Jpeg(string name) => Path.Combine(SharedData.CocoPanopticSample, "input_images", name);

    [Theory]
    [InlineData("000000142238.jpg", 427, 640)]
    [InlineData("000000439180.jpg", 360, 640)]
    public void Decodes_the_real_jpegs_exactly_as_torchvision_does(string name, long height, long width)
    {
        using var img = ImageCodec.Read(Jpeg(name));
        img.Shape.Should().Equal(height, width, 3);
        img.DType.Should().Be(DType.UInt8);

        // Independent decoder: torchvision.io.read_image (libjpeg) in Debian's Python.
        var json = PythonReference.Run("""
            import sys, json, hashlib
            from torchvision.io import read_image
            x = read_image(sys.argv[1]).permute(1, 2, 0).contiguous()
            print(json.dumps({"sha": hashlib.sha256(x.numpy().tobytes()).hexdigest(),
                              "px": x[100, 200].tolist(), "sum": int(x.long().sum())}))
            """, Jpeg(name));
        var reference = JsonDocument.Parse(json).RootElement;
        var bytes = img.ToArray<byte>();
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant()
            .Should().Be(reference.GetProperty("sha").GetString());
        using var px = img[100, 200];
        px.ToArray<byte>().Select(b => (int)b).Should().Equal(reference.GetProperty("px").EnumerateArray().Select(e => e.GetInt32()));
        bytes.Sum(b => (long)b).Should().Be(reference.GetProperty("sum").GetInt64());
    }

    [Fact]
    public void Bgr_order_swaps_the_channels()
    {
        using var rgb = ImageCodec.Read(Jpeg("000000142238.jpg"));
        using var bgr = ImageCodec.Read(Jpeg("000000142238.jpg"), ColorOrder.Bgr);
        using var flipped = bgr.Flip(2);
        using var eq = rgb.Eq(flipped).All();
        eq.ToBoolean().Should().BeTrue();
        rgb[0, 0].ToArray<byte>().Should().Equal(117, 139, 93);
    }

    [Fact]
    public void Png_round_trip_is_lossless_and_written_atomically()
    {
        using var img = Torch.Randint(0, 256, [37, 53, 3], DType.UInt8, generator: new Generator(7));
        var dir = Directory.CreateTempSubdirectory("pn-img-");
        var path = Path.Combine(dir.FullName, "x.png");
        ImageCodec.Write(path, img);
        Directory.GetFiles(dir.FullName).Should().ContainSingle();
        using var back = ImageCodec.Read(path);
        back.ToArray<byte>().Should().Equal(img.ToArray<byte>());
        dir.Delete(true);
    }

    [Fact]
    public void Jpeg_encoding_is_close_to_the_source()
    {
        using var img = ImageCodec.Read(Jpeg("000000439180.jpg"));
        var bytes = ImageCodec.Encode(img, ImageFileFormat.Jpeg, 95);
        bytes[..2].Should().Equal(0xFF, 0xD8);
        double MeanError(byte[] encoded)
        {
            using var scope = Torch.NewDisposeScope();
            var back = ImageCodec.Decode(encoded);
            return (back.To(DType.Float32) - img.To(DType.Float32)).Abs().Mean().ToDouble();
        }
        var fine = MeanError(bytes);
        var coarse = MeanError(ImageCodec.Encode(img, ImageFileFormat.Jpeg, 30));
        fine.Should().BeLessThan(3.0);
        coarse.Should().BeGreaterThan(fine);
    }

    [Fact]
    public void Corrupt_and_missing_files_are_clear_errors_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("pn-img-");
        var corrupt = Path.Combine(dir.FullName, "broken.jpg");
        File.WriteAllBytes(corrupt, File.ReadAllBytes(Jpeg("000000142238.jpg"))[..200]);
        var garbage = Path.Combine(dir.FullName, "garbage.png");
        File.WriteAllText(garbage, "this is not an image");
        ((Action)(() => ImageCodec.Read(garbage))).Should().Throw<ImageDataException>()
            .WithMessage("*garbage.png*not a decodable image*");
        ((Action)(() => ImageCodec.Read(Path.Combine(dir.FullName, "missing.jpg")))).Should().Throw<ImageDataException>()
            .WithMessage("*missing.jpg*");
        // A truncated JPEG either fails clearly or decodes with libjpeg's grey fill; it never crashes the process.
        try
        {
            using var partial = ImageCodec.Read(corrupt);
            partial.Shape.Should().Equal(427, 640, 3);
        }
        catch (ImageDataException e)
        {
            e.Message.Should().Contain("broken.jpg");
        }
        dir.Delete(true);
    }

    [Fact]
    public void Resize_maps_a_constant_image_to_a_constant_image_of_the_new_size()
    {
        using var img = Torch.Full([10, 20, 3], 77, DType.UInt8);
        using var small = ImageCodec.Resize(img, 5, 7);
        small.Shape.Should().Equal(5, 7, 3);
        small.ToArray<byte>().Should().OnlyContain(b => b == 77);
        using var nearest = ImageCodec.Resize(Torch.From(new byte[] { 1, 2, 3, 4 }, 2, 2), 4, 4, ImageInterpolation.Nearest);
        nearest.ToArray<byte>().Should().Equal(1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
    }
}
