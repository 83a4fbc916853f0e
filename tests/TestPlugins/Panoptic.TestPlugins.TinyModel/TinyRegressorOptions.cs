using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.TestPlugins.TinyModel;

/// <summary>Options of <see cref="TinyRegressor"/>.</summary>
public sealed record TinyRegressorOptions : ComponentOptions
{
    /// <summary>Hidden width.</summary>
    [Range(2, 4096)]
    public int Hidden { get; init; } = 8;

    /// <summary>Dropout probability after the hidden layer (draws from the global generator).</summary>
    [Range(0.0, 0.99)]
    public double Dropout { get; init; }

    /// <summary>Extra float32 parameters that are saved but not trained: they make checkpoints large.</summary>
    [Range(0L, 1L << 30)]
    public long PaddingParameters { get; init; }

    /// <summary>The training forward pass with this 0-based index returns NaN losses; −1 never.</summary>
    [Range(-1, int.MaxValue)]
    public int NanAtCall { get; init; } = -1;
}
