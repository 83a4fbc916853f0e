namespace Panoptic.Core.Engine.Distributed;

/// <summary>The command a <see cref="LocalLauncher"/> starts once per rank, before the rank arguments it appends.</summary>
/// <param name="FileName">The executable (e.g. <c>dotnet</c>, or the apphost).</param>
/// <param name="Arguments">Its arguments (e.g. <c>panoptic.dll train --config c.yaml …</c>).</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>This process's own executable with <paramref name="arguments"/> (through <c>dotnet</c> when run as <c>dotnet app.dll</c>).</summary>
    public static WorkerCommand Self(IReadOnlyList<string> arguments)
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process's executable is unknown");
        var host = Path.GetFileNameWithoutExtension(process);
        if (host == "dotnet")
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
                throw new InvalidOperationException("running under dotnet, but the entry assembly's path is unknown");
            return new WorkerCommand(process, [entry, .. arguments]);
        }
        return new WorkerCommand(process, arguments);
    }

    /// <summary>The arguments of rank <paramref name="rank"/>: these, then <c>--rank --world-size --master-addr --master-port</c>.</summary>
    public IReadOnlyList<string> ForRank(int rank, int worldSize, string masterAddr, int masterPort) =>
        [.. Arguments, "--rank", rank.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--world-size", worldSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--master-addr", masterAddr, "--master-port", masterPort.ToString(System.Globalization.CultureInfo.InvariantCulture)];
}
