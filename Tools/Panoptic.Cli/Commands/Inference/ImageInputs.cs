using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>The images <c>panoptic infer</c> reads: one file, or every image file of a folder (sorted by name).</summary>
internal static class ImageInputs
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".bmp"];

    /// <summary>The image files at <paramref name="input"/>.</summary>
    /// <exception cref="UserInputException">Nothing there, or a folder without images.</exception>
    public static IReadOnlyList<string> Find(string input)
    {
        if (File.Exists(input))
            return [Path.GetFullPath(input)];
        if (!Directory.Exists(input))
            throw new UserInputException($"--input: no file or folder '{input}'");
        var files = Directory.EnumerateFiles(input)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0 ? files : throw new UserInputException($"--input: folder '{input}' has no {string.Join("/", Extensions)} images");
    }

    /// <summary>Decodes <paramref name="path"/> to a (C, H, W) uint8 model input in the dataset's channel order, reported at its own size.</summary>
    public static ModelInput Load(string path, ImageFormat format)
    {
        using var decoded = ImageCodec.Read(path, format == ImageFormat.RGB ? ColorOrder.Rgb : ColorOrder.Bgr);
        var image = decoded.Permute(2, 0, 1).Contiguous();
        return new ModelInput(image, (int)image.Size(1), (int)image.Size(2));
    }

    /// <summary>COCO's image id: the file name's number (000000397133.jpg → 397133), else the position in the list + 1.</summary>
    public static long ImageId(string path, int index) =>
        long.TryParse(Path.GetFileNameWithoutExtension(path), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : index + 1;
}
