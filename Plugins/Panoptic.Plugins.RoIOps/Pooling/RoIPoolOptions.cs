namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>Options of <c>RoIPool</c>: the common keys only.</summary>
public sealed record RoIPoolOptions : RoIPoolerOptions;
