using System.CommandLine;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Torch.Distributed;

namespace Panoptic.Cli.Commands.Training;

/// <summary>
/// The data-parallel options of <c>panoptic train</c>: <c>--nproc N</c> (start N workers on this machine) or
/// <c>--rank/--world-size/--master-addr/--master-port</c> (this process is one rank of a job, on any machine), and
/// <c>--backend</c>.
/// </summary>
internal sealed class DistributedArguments
{
    public Option<int> Nproc { get; } = new("--nproc") { Description = "Train with N processes on this machine (data parallel, Gloo on loopback); each gets cores/N threads unless runtime.threads is set.", DefaultValueFactory = _ => 1 };

    public Option<int?> Rank { get; } = new("--rank") { Description = "This process's rank in a data-parallel job (with --world-size, --master-addr, --master-port)." };

    public Option<int> WorldSize { get; } = new("--world-size") { Description = "Processes in the data-parallel job (all machines).", DefaultValueFactory = _ => 1 };

    public Option<string> MasterAddr { get; } = new("--master-addr") { Description = "Address of rank 0's machine (its rendezvous store).", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<int> MasterPort { get; } = new("--master-port") { Description = "Port of rank 0's rendezvous store.", DefaultValueFactory = _ => 29500 };

    public Option<string> Backend { get; } = new("--backend") { Description = "Collective backend: gloo (CPU) or nccl (CUDA builds with NCCL).", DefaultValueFactory = _ => "gloo" };

    public IEnumerable<Option> All => [Nproc, Rank, WorldSize, MasterAddr, MasterPort, Backend];

    /// <summary>This process's place in a job, or null when it trains alone (or launches workers).</summary>
    /// <exception cref="UserInputException">Inconsistent options.</exception>
    public DistributedOptions? Worker(ParseResult parse)
    {
        var worldSize = parse.GetValue(WorldSize);
        if (parse.GetValue(Rank) is not { } rank)
        {
            if (worldSize != 1)
                throw new UserInputException("--world-size needs --rank (or use --nproc N to start N processes here)");
            return null;
        }
        if (parse.GetValue(Nproc) > 1)
            throw new UserInputException("--nproc starts the ranks itself; give either --nproc or --rank/--world-size");
        var options = new DistributedOptions
        {
            Rank = rank,
            WorldSize = worldSize,
            MasterAddr = parse.GetValue(MasterAddr)!,
            MasterPort = parse.GetValue(MasterPort),
            Backend = ParseBackend(parse.GetValue(Backend)!),
            LocalWorldSize = DistributedOptions.LocalWorldSizeFromEnvironment(),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message);
        }
        return options;
    }

    /// <summary>
    /// The arguments each worker of <c>--nproc</c> gets: this command line without <c>--nproc N</c> (the launcher
    /// appends the rank options).
    /// </summary>
    public static IReadOnlyList<string> WorkerArguments(IReadOnlyList<string> commandLine)
    {
        var result = new List<string>();
        for (var i = 0; i < commandLine.Count; i++)
        {
            if (commandLine[i] == "--nproc")
                i++;
            else if (!commandLine[i].StartsWith("--nproc=", StringComparison.Ordinal))
                result.Add(commandLine[i]);
        }
        return result;
    }

    private static Backend ParseBackend(string name) => name.ToLowerInvariant() switch
    {
        "gloo" => Panoptic.Torch.Distributed.Backend.Gloo,
        "nccl" => Panoptic.Torch.Distributed.Backend.Nccl,
        _ => throw new UserInputException($"--backend {name}: expected gloo or nccl"),
    };
}
