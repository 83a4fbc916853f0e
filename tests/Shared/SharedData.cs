namespace Panoptic.Tests.Shared;

/// <summary>
/// Finds the shared real data (<c>shared/data</c>): <c>PANOPTIC_SHARED_DATA</c> when set; else <c>../shared/data</c>
/// beside the checkout (found by walking up to <c>Panoptic.sln</c>), as CI lays it out; else, for a local clone of a
/// checkout (<c>git clone . /tmp/x</c>), <c>../shared/data</c> beside the repository the clone came from.
/// </summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PANOPTIC_SHARED_DATA");
            if (!string.IsNullOrEmpty(env))
                return Directory.Exists(env) ? env : throw new DirectoryNotFoundException($"PANOPTIC_SHARED_DATA={env} does not exist");
            var repo = RepositoryRoot();
            var tried = new List<string>();
            foreach (var candidate in new[] { repo, OriginPath(repo) })
            {
                if (candidate is null) continue;
                var data = Path.GetFullPath(Path.Combine(candidate, "..", "shared", "data"));
                if (Directory.Exists(data)) return data;
                tried.Add(data);
            }
            throw new DirectoryNotFoundException(
                $"shared data folder not found (tried {string.Join(", ", tried)}); CI provides ../shared/data beside the checkout, or set PANOPTIC_SHARED_DATA");
        }
    }

    /// <summary>The COCO panoptic sample: two val2017 images with their panoptic and instance annotations.</summary>
    public static string CocoPanopticSample => Path.Combine(Root, "coco-panoptic-sample");

    /// <summary>The folder holding Panoptic.sln above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("repository root (Panoptic.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The local path of the clone's <c>origin</c> remote, read from .git/config, or null.</summary>
    private static string? OriginPath(string repo)
    {
        var config = Path.Combine(repo, ".git", "config");
        if (!File.Exists(config)) return null;
        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('[')) inOrigin = line == "[remote \"origin\"]";
            else if (inOrigin && line.StartsWith("url", StringComparison.Ordinal) && line.Split('=', 2) is [_, var url])
            {
                var path = url.Trim();
                if (path.StartsWith("file://", StringComparison.Ordinal)) path = path["file://".Length..];
                return Path.IsPathRooted(path) && Directory.Exists(path) ? path : null;
            }
        }
        return null;
    }
}
