using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;
using EvalSegment = Panoptic.Evaluation.PanopticQuality.PanopticSegment;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>
/// Panoptic predictions in COCO panoptic format: one PNG per image (id = R + 256·G + 256²·B) in a folder and a JSON
/// beside it named like the folder (<c>panoptic.json</c> + <c>panoptic/</c>), so that
/// <c>panoptic eval pq --pred-json DIR/panoptic.json</c> finds the PNGs by default.
/// </summary>
internal sealed class PanopticResults
{
    private readonly string _folder;
    private readonly List<PanopticAnnotation> _annotations = [];
    private readonly SortedDictionary<int, PanopticCategory> _categories = [];

    /// <param name="folder">Where the PNGs go (created).</param>
    /// <param name="metadata">Category names and ids; without it, categories are named after their ids.</param>
    public PanopticResults(string folder, DatasetMetadata? metadata)
    {
        _folder = Directory.CreateDirectory(folder).FullName;
        foreach (var category in PanopticCategories.From(metadata))
            _categories[category.Id] = category;
    }

    /// <summary>Images added so far.</summary>
    public int Count => _annotations.Count;

    /// <summary>Writes the image's PNG (named after <paramref name="imageFile"/>) and keeps its annotation.</summary>
    /// <param name="imageId">COCO image id.</param>
    /// <param name="imageFile">The input image's path (the PNG takes its name with a .png extension).</param>
    /// <param name="result">(H, W) segment ids and their segments (dataset category ids).</param>
    public void Add(long imageId, string imageFile, PanopticResult result)
    {
        var shape = result.Segmentation.Shape;
        using var ids = result.Segmentation.To(DType.Int32).Contiguous();
        var segments = result.Segments.Select(s => new EvalSegment(s.Id, s.CategoryId)).ToList();
        foreach (var s in result.Segments)
            _categories.TryAdd(s.CategoryId, new PanopticCategory(s.CategoryId, $"class{s.CategoryId}", s.IsThing));
        var image = new PanopticImage(imageId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int)shape[1], (int)shape[0], ids.ToArray<int>(), segments);
        _annotations.Add(PanopticJsonWriter.WritePng(_folder, Path.GetFileNameWithoutExtension(imageFile) + ".png", image));
    }

    /// <summary>Writes the JSON (annotations and categories) atomically.</summary>
    public void Write(string path) => PanopticJsonWriter.Write(path, _annotations, _categories.Values);
}
