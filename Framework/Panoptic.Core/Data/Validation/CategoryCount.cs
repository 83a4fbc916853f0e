namespace Panoptic.Core.Data.Validation;

/// <summary>One row of the class histogram.</summary>
/// <param name="Index">Contiguous index (thing index, or semantic class for stuff).</param>
/// <param name="Name">Class name.</param>
/// <param name="IsThing">Thing or stuff.</param>
/// <param name="Instances">Non-crowd instances (things) or segments (stuff).</param>
/// <param name="Crowd">Crowd annotations/segments.</param>
/// <param name="Images">Images holding the class at least once.</param>
public sealed record CategoryCount(int Index, string Name, bool IsThing, long Instances, long Crowd, long Images);
