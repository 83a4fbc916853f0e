namespace Panoptic.Cli.Commands;

/// <summary>Shared libraries mapped into this process, read from <c>/proc/self/maps</c> (Linux).</summary>
internal static class MappedLibraries
{
    /// <summary>Distinct mapped files whose name contains <paramref name="fragment"/>, in mapping order.</summary>
    public static IReadOnlyList<string> Matching(string fragment)
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps)) return [];
        var found = new List<string>();
        foreach (var line in File.ReadLines(maps))
        {
            // address perms offset dev inode path
            var slash = line.IndexOf('/');
            if (slash < 0) continue;
            var path = line[slash..].Trim();
            if (Path.GetFileName(path).Contains(fragment, StringComparison.OrdinalIgnoreCase) && !found.Contains(path))
                found.Add(path);
        }
        return found;
    }

    /// <summary>The BLAS files mapped after a small matrix product (which makes libtorch load its BLAS).</summary>
    public static IReadOnlyList<string> BlasAfterMatmul()
    {
        using (var a = Panoptic.Torch.Torch.Ones([64, 64]))
        using (var p = a.Matmul(a))
        using (var s = p.Sum())
            _ = s.ToDouble();
        return Matching("blas");
    }
}
