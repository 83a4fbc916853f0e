using System.CommandLine;
using System.Runtime.InteropServices;

namespace Panoptic.Cli.Commands;

using Torch = Panoptic.Torch.Torch;

/// <summary><c>panoptic doctor</c>: what this machine gives Panoptic (libtorch, BLAS, threads, CUDA).</summary>
internal static class DoctorCommand
{
    public static Command Build()
    {
        var command = new Command("doctor", "Print libtorch version, BLAS in use, threads, CUDA availability and devices.");
        command.SetAction(_ =>
        {
            Row(".NET", $"{Environment.Version} ({RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture})");
            Row("libtorch", $"{Torch.Version}");
            Row("  loaded from", string.Join(", ", MappedLibraries.Matching("libtorch_cpu").Concat(MappedLibraries.Matching("libpanoptic_torch"))));
            var blas = MappedLibraries.BlasAfterMatmul();
            Row("BLAS", blas.Count == 0 ? "none mapped after a matmul (libtorch's own kernels)" : $"{BlasName(blas)}: {string.Join(", ", blas)}");
            Row("  OpenMP", string.Join(", ", MappedLibraries.Matching("gomp").Concat(MappedLibraries.Matching("libomp"))));
            var env = Environment.GetEnvironmentVariable("PANOPTIC_NUM_THREADS");
            Row("threads", $"{Torch.NumThreads} intra-op (PANOPTIC_NUM_THREADS={(string.IsNullOrEmpty(env) ? "unset" : env)}, {Environment.ProcessorCount} processors)");
            foreach (var line in ParallelSummary(Torch.ParallelInfo)) Row("", line);
            foreach (var name in new[] { "OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS" })
                if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } v) Row("", $"{name}={v}");
            Row("malloc", Torch.MallocTuned
                ? "glibc, large freed buffers kept for reuse (PANOPTIC_MALLOC=system for glibc's defaults)"
                : "glibc defaults (PANOPTIC_MALLOC=system, or not glibc)");
            if (Torch.CudaIsAvailable)
            {
                Row("CUDA", $"available, {Torch.CudaDeviceCount} device(s)");
                for (var i = 0; i < Torch.CudaDeviceCount; i++) Row($"  cuda:{i}", Torch.CudaDeviceName(i));
            }
            else
            {
                Row("CUDA", "not available (this libtorch has no CUDA, or no device is visible); running on CPU");
            }
            return 0;
        });
        return command;
    }

    /// <summary>"OpenBLAS (pthread)" from a path like …/openblas-pthread/libblas.so.3; the reference BLAS otherwise.</summary>
    private static string BlasName(IReadOnlyList<string> paths)
    {
        var openblas = paths.FirstOrDefault(p => p.Contains("openblas", StringComparison.OrdinalIgnoreCase));
        if (openblas == null) return paths.Any(p => p.Contains("/blas/", StringComparison.Ordinal)) ? "reference BLAS (slow)" : "unknown BLAS";
        var folder = Path.GetFileName(Path.GetDirectoryName(openblas)) ?? "";
        return folder.StartsWith("openblas-", StringComparison.Ordinal) ? $"OpenBLAS ({folder["openblas-".Length..]})" : "OpenBLAS";
    }

    /// <summary>The informative lines of <c>torch.__config__.parallel_info()</c>, trimmed.</summary>
    private static IEnumerable<string> ParallelSummary(string info) =>
        info.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(':') || l.Contains("OpenMP") || l.Contains("MKL") || l.Contains("DNN"))
            .Where(l => !l.EndsWith("[not set]", StringComparison.Ordinal) && !l.StartsWith("Environment variables", StringComparison.Ordinal)
                        && l != "ATen/Parallel:");

    private static void Row(string label, string value) => Console.WriteLine($"  {label,-14} {value}");
}
