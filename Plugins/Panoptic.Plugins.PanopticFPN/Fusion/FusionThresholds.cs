namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>The thresholds of the fusion rules (detectron2 <c>combine_semantic_and_instance_outputs</c> arguments).</summary>
/// <param name="OverlapThreshold">Skip an instance when |mask ∧ taken| / |mask| is greater than this.</param>
/// <param name="StuffAreaLimit">Skip a stuff class whose unclaimed area is smaller than this.</param>
/// <param name="InstanceScoreThreshold">Stop at the first instance (by descending score) scoring below this.</param>
public sealed record FusionThresholds(double OverlapThreshold = 0.5, long StuffAreaLimit = 4096, double InstanceScoreThreshold = 0.5);
