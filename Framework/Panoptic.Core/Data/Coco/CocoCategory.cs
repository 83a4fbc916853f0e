namespace Panoptic.Core.Data.Coco;

/// <summary>A category as a COCO file declares it.</summary>
/// <param name="Id">The dataset's own id (COCO ids have gaps).</param>
/// <param name="Name">Display name.</param>
/// <param name="IsThing">Instance category (panoptic <c>isthing</c>; every COCO instances category is one).</param>
public sealed record CocoCategoryInfo(int Id, string Name, bool IsThing);
