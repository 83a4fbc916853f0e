namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// Where the synthetic dataset's files go, COCO style:
/// <code>
/// images/{split}/000001.png               RGB images (or .jpg)
/// annotations/instances_{split}.json      COCO instances (RLE or polygons, iscrowd)
/// annotations/panoptic_{split}.json       COCO panoptic (images, annotations, categories)
/// annotations/panoptic_{split}/000001.png panoptic PNGs (id = R + 256·G + 256²·B)
/// annotations/categories.json             the category list (panopticapi's panoptic_coco_categories.json form)
/// </code>
/// </summary>
public sealed record SyntheticLayout(string Root)
{
    /// <summary>The splits, in generation order.</summary>
    public static IReadOnlyList<string> Splits { get; } = ["train", "val"];

    public string ImageFolder(string split) => Path.Combine(Root, "images", split);

    public string InstancesJson(string split) => Path.Combine(Root, "annotations", $"instances_{split}.json");

    public string PanopticJson(string split) => Path.Combine(Root, "annotations", $"panoptic_{split}.json");

    public string PanopticFolder(string split) => Path.Combine(Root, "annotations", $"panoptic_{split}");

    public string CategoriesJson => Path.Combine(Root, "annotations", "categories.json");

    /// <summary>True when <paramref name="folder"/> holds a synthetic dataset (its categories file).</summary>
    public static bool IsLayout(string folder) => File.Exists(new SyntheticLayout(folder).CategoriesJson);
}
