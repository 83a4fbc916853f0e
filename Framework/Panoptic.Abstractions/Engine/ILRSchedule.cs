namespace Panoptic.Abstractions.Engine;

/// <summary>A learning-rate schedule: the multiplier of the base learning rate at each iteration.</summary>
public interface ILRSchedule
{
    /// <summary>The factor the base learning rate is multiplied by at <paramref name="iteration"/> (0-based).</summary>
    double Factor(int iteration);
}
