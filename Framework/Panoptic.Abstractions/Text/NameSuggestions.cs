namespace Panoptic.Abstractions.Text;

/// <summary>"Did you mean …": the candidates nearest to a misspelt name by edit distance.</summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="max"/> candidates within a distance that grows with the name's length, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> candidates, int max = 3)
    {
        var limit = Math.Max(2, name.Length / 3);
        return candidates
            .Distinct(StringComparer.Ordinal)
            .Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(pair => pair.distance <= limit
                || (name.Length >= 3 && pair.candidate.Contains(name, StringComparison.OrdinalIgnoreCase))
                || (pair.candidate.Length >= 3 && name.Contains(pair.candidate, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Take(max)
            .Select(pair => pair.candidate)
            .ToList();
    }

    /// <summary><c>; did you mean 'a' or 'b'?</c>, or the empty string when nothing is near.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var nearest = Nearest(name, candidates);
        return nearest.Count == 0 ? "" : $"; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?";
    }

    /// <summary>Case-insensitive optimal-string-alignment distance (a transposition counts as one edit).</summary>
    public static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
