namespace Panoptic.Evaluation.Coco;

/// <summary>
/// AP of one category (IoU .50:.95, area "all", the largest detection limit), as detectron2 reports it;
/// -1 when the category has no ground truth.
/// </summary>
public sealed record CocoCategoryAp(int CategoryId, string Name, double AP);
