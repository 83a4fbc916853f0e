using Panoptic.Abstractions.Data;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>The COCO panoptic categories of a dataset's metadata (none without metadata).</summary>
internal static class PanopticCategories
{
    public static IReadOnlyList<PanopticCategory> From(DatasetMetadata? metadata) =>
        metadata is null ? [] : metadata.PanopticCategories().Select(c => new PanopticCategory(c.Id, c.Name, c.IsThing)).ToList();
}
