namespace Panoptic.Torch.Tests.Support;

/// <summary>Finds the shared real data (<c>../shared/data</c> beside the checkout, or <c>PANOPTIC_SHARED_DATA</c>).</summary>
public static class SharedData
{
    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("PANOPTIC_SHARED_DATA");
            if (!string.IsNullOrEmpty(env)) return env;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")))
                {
                    var data = Path.Combine(dir.FullName, "..", "shared", "data");
                    if (Directory.Exists(data)) return Path.GetFullPath(data);
                    throw new DirectoryNotFoundException($"shared data folder not found at {data}; set PANOPTIC_SHARED_DATA");
                }
            throw new DirectoryNotFoundException("repository root (Panoptic.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static string CocoPanopticSample => Path.Combine(Root, "coco-panoptic-sample");
}
