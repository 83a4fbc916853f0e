using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Engine.Hooks;

/// <summary>Options of <see cref="WallClockLimit"/>.</summary>
public sealed record WallClockLimitOptions : ComponentOptions
{
    /// <summary>Minutes of training this process may spend (from the first iteration it runs).</summary>
    [Range(0.0, 1e7, MinimumIsExclusive = true)]
    public double MaxMinutes { get; init; } = 60;
}
