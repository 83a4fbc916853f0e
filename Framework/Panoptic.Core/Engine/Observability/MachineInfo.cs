using System.Runtime.InteropServices;

namespace Panoptic.Core.Engine.Observability;

using Torch = Panoptic.Torch.Torch;

/// <summary>The machine a run used (manifest): processors, OS, libtorch and its threads, BLAS, CUDA.</summary>
public sealed record MachineInfo
{
    public required string Host { get; init; }

    public required int CpuCount { get; init; }

    public required string Os { get; init; }

    public required string Architecture { get; init; }

    public required string Dotnet { get; init; }

    public required string Libtorch { get; init; }

    public required int TorchThreads { get; init; }

    /// <summary>The BLAS library libtorch mapped (the command line probes it); null when not probed.</summary>
    public string? Blas { get; init; }

    /// <summary>CUDA devices visible, by name; empty without CUDA.</summary>
    public required IReadOnlyList<string> CudaDevices { get; init; }

    /// <summary>What this process sees now.</summary>
    public static MachineInfo Collect() => new()
    {
        Host = Environment.MachineName,
        CpuCount = Environment.ProcessorCount,
        Os = RuntimeInformation.OSDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        Dotnet = Environment.Version.ToString(),
        Libtorch = Torch.Version,
        TorchThreads = Torch.NumThreads,
        CudaDevices = Torch.CudaIsAvailable ? Enumerable.Range(0, Torch.CudaDeviceCount).Select(Torch.CudaDeviceName).ToList() : [],
    };
}
