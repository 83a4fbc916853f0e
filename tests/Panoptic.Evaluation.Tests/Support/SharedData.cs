namespace Panoptic.Evaluation.Tests.Support;

/// <summary>
/// Finds the shared real-data folder: <c>PANOPTIC_SHARED_DATA</c> when set, else <c>../shared/data</c> next to the
/// folder holding <c>Panoptic.sln</c>, found by walking up from the test assembly.
/// </summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("PANOPTIC_SHARED_DATA");
            if (!string.IsNullOrEmpty(fromEnvironment))
                return Require(fromEnvironment, "PANOPTIC_SHARED_DATA");
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")))
                    return Require(Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data")), $"../shared/data beside {dir.FullName}");
            }
            throw new InvalidOperationException($"no Panoptic.sln above {AppContext.BaseDirectory}; set PANOPTIC_SHARED_DATA to the shared data folder");
        }
    }

    public static string PanopticSample => Require(Path.Combine(Root, "coco-panoptic-sample"), "coco-panoptic-sample");

    private static string Require(string path, string what) =>
        Directory.Exists(path) ? path : throw new InvalidOperationException($"shared data folder missing: {path} ({what}). CI provides it; locally set PANOPTIC_SHARED_DATA.");
}
