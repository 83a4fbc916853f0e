using System.Text.RegularExpressions;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Checkpoints;

/// <summary>
/// One rule of a checkpoint name mapping: a source-name pattern, the target name it builds from the match, and an
/// optional transform of the value given the target's shape (e.g. reordering class rows).
/// </summary>
/// <param name="Pattern">Anchored regular expression over source names.</param>
/// <param name="Target">Builds the target name from the match.</param>
/// <param name="Transform">Adapts the value to the target's shape; null keeps it.</param>
public sealed record KeyRule(Regex Pattern, Func<Match, string> Target, Func<Tensor, long[], Tensor>? Transform = null)
{
    public KeyRule(string pattern, Func<Match, string> target, Func<Tensor, long[], Tensor>? transform = null)
        : this(new Regex(pattern, RegexOptions.CultureInvariant), target, transform)
    {
    }

    /// <summary>An integer group of the match plus <paramref name="offset"/>.</summary>
    public static int Number(Match match, int group, int offset = 0) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) + offset;
}
