namespace Panoptic.Torch.Tests.Runtime;

/// <summary>
/// Intra-op threads are set once at start-up (Debian's libtorch alone would use 1): PANOPTIC_NUM_THREADS when set,
/// else every core; every thread that runs ops sees the same setting.
/// </summary>
public class ThreadsTests
{
    private static int Expected =>
        int.TryParse(Environment.GetEnvironmentVariable("PANOPTIC_NUM_THREADS"), out var n) && n > 0 ? n : Environment.ProcessorCount;

    [Fact]
    public void NumThreads_defaults_to_the_processor_count_or_PANOPTIC_NUM_THREADS()
    {
        Torch.NumThreads.Should().Be(Expected);
        Torch.ParallelInfo.Should().Contain($"at::get_num_threads() : {Expected}");
    }

    [Fact]
    public void A_fresh_thread_runs_ops_with_the_same_thread_count()
    {
        var seen = 0;
        var thread = new Thread(() =>
        {
            using var a = Torch.Ones([64, 64]);
            using var p = a.Matmul(a);
            seen = Torch.NumThreads;
        });
        thread.Start();
        thread.Join();
        seen.Should().Be(Expected);
    }

    [Fact]
    public void The_runtime_reports_its_version_and_cuda_state()
    {
        Torch.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        if (!Torch.CudaIsAvailable) Torch.CudaDeviceCount.Should().Be(0);
        else Torch.CudaDeviceCount.Should().BeGreaterThan(0);
    }
}
