using System.Globalization;
using System.Text.RegularExpressions;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>
/// The checkpoint folder of a run (detectron2 <c>Checkpointer</c> + <c>PeriodicCheckpointer</c>):
/// <c>model_{iteration:D7}.safetensors</c> (periodic, the newest <c>solver.checkpoint_max_to_keep</c> kept),
/// <c>model_final.safetensors</c>, <c>model_best.safetensors</c> and <c>last_checkpoint</c> (the name of the newest).
/// Each file is written to a temporary name and renamed when complete; the pointer is updated only after that and old
/// checkpoints are deleted only after the pointer, so a process killed at any moment leaves the previous checkpoint
/// in place and named by the pointer.
/// </summary>
public sealed partial class CheckpointStore
{
    public const string PointerFile = "last_checkpoint";
    public const string FinalName = "model_final.safetensors";
    public const string BestName = "model_best.safetensors";

    /// <param name="directory">The folder (created on the first save).</param>
    /// <param name="maxToKeep">Periodic checkpoints kept; 0 keeps all.</param>
    public CheckpointStore(string directory, int maxToKeep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxToKeep);
        Directory = Path.GetFullPath(directory);
        MaxToKeep = maxToKeep;
    }

    public string Directory { get; }

    public int MaxToKeep { get; }

    /// <summary>The periodic checkpoint name for a last completed <paramref name="iteration"/>.</summary>
    public static string PeriodicName(int iteration) => $"model_{iteration.ToString("D7", CultureInfo.InvariantCulture)}.safetensors";

    /// <summary>Writes a checkpoint under <paramref name="name"/>, points <c>last_checkpoint</c> at it, then deletes periodic ones beyond the limit.</summary>
    /// <returns>The full path written.</returns>
    public string Save(string name, Action<string> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        write(path);
        AtomicFile.WriteAllText(Path.Combine(Directory, PointerFile), name + "\n");
        Prune();
        return path;
    }

    /// <summary>Writes a checkpoint that <c>last_checkpoint</c> does not name (<c>model_best</c>).</summary>
    public string SaveAside(string name, Action<string> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name);
        write(path);
        return path;
    }

    /// <summary>
    /// The checkpoint to resume from: the one <c>last_checkpoint</c> names when it is there and readable, else the
    /// readable periodic or final checkpoint with the highest iteration; null when there is none.
    /// </summary>
    public string? FindLatest()
    {
        var pointer = Path.Combine(Directory, PointerFile);
        if (File.Exists(pointer))
        {
            var named = Path.Combine(Directory, File.ReadAllText(pointer).Trim());
            if (IsReadable(named))
                return named;
        }
        return Candidates().Where(IsReadable).Select(p => (Path: p, State: CheckpointFile.ReadState(p)))
            .OrderByDescending(c => c.State.Iteration).Select(c => c.Path).FirstOrDefault();
    }

    /// <summary>Periodic checkpoints, oldest first.</summary>
    public IReadOnlyList<string> Periodic() =>
        !System.IO.Directory.Exists(Directory) ? []
        : System.IO.Directory.EnumerateFiles(Directory, "model_*.safetensors")
            .Select(p => (Path: p, Match: PeriodicPattern().Match(System.IO.Path.GetFileName(p))))
            .Where(x => x.Match.Success)
            .OrderBy(x => long.Parse(x.Match.Groups[1].Value, CultureInfo.InvariantCulture))
            .Select(x => x.Path)
            .ToList();

    /// <summary>Deletes temporary files a killed writer left behind (<c>*.tmp-*</c> next to checkpoint names).</summary>
    public int RemoveStaleTemporaries()
    {
        if (!System.IO.Directory.Exists(Directory))
            return 0;
        var stale = System.IO.Directory.EnumerateFiles(Directory, "*.tmp-*")
            .Where(p => TemporaryPattern().IsMatch(System.IO.Path.GetFileName(p)))
            .ToList();
        foreach (var path in stale)
            File.Delete(path);
        return stale.Count;
    }

    private void Prune()
    {
        if (MaxToKeep == 0)
            return;
        var periodic = Periodic();
        foreach (var old in periodic.Take(Math.Max(0, periodic.Count - MaxToKeep)))
            File.Delete(old);
    }

    private IEnumerable<string> Candidates()
    {
        var final = Path.Combine(Directory, FinalName);
        return File.Exists(final) ? Periodic().Append(final) : Periodic();
    }

    private static bool IsReadable(string path)
    {
        if (!File.Exists(path))
            return false;
        try
        {
            CheckpointFile.ReadState(path);
            return true;
        }
        catch (Exception e) when (e is CheckpointFormatException or CheckpointException or IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^model_(\d{7,})\.safetensors$")]
    private static partial Regex PeriodicPattern();

    [GeneratedRegex(@"^(model_\w+\.safetensors|last_checkpoint)\.tmp-[0-9a-f]+$")]
    private static partial Regex TemporaryPattern();
}
