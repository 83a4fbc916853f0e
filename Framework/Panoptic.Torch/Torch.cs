using System.Runtime.InteropServices;
using Panoptic.Torch.Native;

namespace Panoptic.Torch;

/// <summary>
/// Process-wide runtime: library version, threads, seeds, CUDA queries, autograd modes and dispose scopes.
/// Tensor creation is in Torch.Creation.cs, joins in Torch.Shape.cs.
/// </summary>
public static partial class Torch
{
    private static readonly Lock s_initLock = new();
    private static volatile bool s_initialized;

    /// <summary>
    /// Loads libtorch and configures the process once, before the first tensor op (concurrent first callers wait for
    /// it): the intra-op thread count is <paramref name="threads"/>, else <c>PANOPTIC_NUM_THREADS</c>, else all cores
    /// (Debian's libtorch starts with 1, and oneDNN keeps the count it saw first); and glibc malloc keeps large freed
    /// buffers for reuse instead of unmapping them (see <see cref="MallocTuned"/>). Later calls do nothing; every
    /// other entry point calls this implicitly.
    /// </summary>
    public static void Initialize(int? threads = null)
    {
        if (s_initialized) return;
        lock (s_initLock)
        {
            if (s_initialized) return;
            var n = threads ?? (int.TryParse(Environment.GetEnvironmentVariable("PANOPTIC_NUM_THREADS"), out var env) && env > 0
                ? env
                : Environment.ProcessorCount);
            // Read by libgomp and OpenBLAS when libtorch loads (the next line): threads that never ran an ATen parallel
            // loop (oneDNN convolutions on a fresh thread) and BLAS then use the same count. An explicit value wins.
            LibC.SetDefault("OMP_NUM_THREADS", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Checked.Status(NativeMethods.pn_set_num_threads(n));
            if (!string.Equals(Environment.GetEnvironmentVariable("PANOPTIC_MALLOC"), "system", StringComparison.OrdinalIgnoreCase))
                MallocTuned = NativeMethods.pn_malloc_tune(int.MaxValue, 0) == 1;
            s_initialized = true;
        }
    }

    /// <summary>
    /// Whether <see cref="Initialize"/> set glibc malloc to serve every allocation from its heap and to keep up to
    /// 2 GB of freed memory there (<c>M_MMAP_MAX = 0</c>, <c>M_TRIM_THRESHOLD = 2 GB</c>), so that big tensors are
    /// reused without page faults: about 20% off a large convolution's forward+backward here. The process keeps its
    /// peak memory. <c>PANOPTIC_MALLOC=system</c> leaves glibc's defaults.
    /// </summary>
    public static bool MallocTuned { get; private set; }

    /// <summary>libtorch's version, e.g. "1.13.0".</summary>
    public static string Version
    {
        get
        {
            Initialize();
            return Marshal.PtrToStringUTF8(NativeMethods.pn_torch_version()) ?? "?";
        }
    }

    /// <summary>Intra-op threads (<c>torch.get_num_threads</c> / <c>set_num_threads</c>).</summary>
    public static int NumThreads
    {
        get
        {
            Initialize();
            return Checked.Status(NativeMethods.pn_get_num_threads());
        }
        set
        {
            Initialize(value);
            Checked.Status(NativeMethods.pn_set_num_threads(value));
        }
    }

    /// <summary>libtorch's parallel configuration report (<c>torch.__config__.parallel_info()</c>).</summary>
    public static string ParallelInfo
    {
        get
        {
            Initialize();
            return Checked.String(NativeMethods.pn_parallel_info());
        }
    }

    /// <summary>Seeds the global generators (<c>torch.manual_seed</c>).</summary>
    public static void ManualSeed(ulong seed)
    {
        Initialize();
        Checked.Status(NativeMethods.pn_manual_seed(seed));
    }

    /// <summary>Whether libtorch was built with CUDA and a device is present.</summary>
    public static bool CudaIsAvailable
    {
        get
        {
            Initialize();
            return NativeMethods.pn_cuda_is_available() != 0;
        }
    }

    public static int CudaDeviceCount
    {
        get
        {
            Initialize();
            return NativeMethods.pn_cuda_device_count();
        }
    }

    public static string CudaDeviceName(int index) => Checked.String(NativeMethods.pn_cuda_device_name(index));

    public static void CudaSynchronize() => Checked.Status(NativeMethods.pn_cuda_synchronize());

    /// <summary>Whether autograd records operations on this thread.</summary>
    public static bool IsGradEnabled
    {
        get
        {
            Initialize();
            return NativeMethods.pn_grad_is_enabled() != 0;
        }
    }

    /// <summary>Disables gradient recording on this thread until disposed (<c>torch.no_grad()</c>).</summary>
    public static IDisposable NoGrad() => new GradModeGuard(false);

    /// <summary>Enables gradient recording on this thread until disposed (<c>torch.enable_grad()</c>).</summary>
    public static IDisposable EnableGrad() => new GradModeGuard(true);

    /// <summary>
    /// Inference mode on this thread until disposed (<c>torch.inference_mode()</c>): like no-grad, and cheaper, but
    /// tensors created inside cannot later be used in autograd. Dispose on the thread that created it.
    /// </summary>
    public static IDisposable InferenceMode() => new InferenceModeGuard();

    /// <summary>Opens a dispose scope on this thread; see <see cref="DisposeScope"/>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    private sealed class GradModeGuard : IDisposable
    {
        private readonly bool _previous;
        private bool _done;

        public GradModeGuard(bool enabled)
        {
            _previous = IsGradEnabled;
            NativeMethods.pn_grad_set_enabled(enabled ? 1 : 0);
        }

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            NativeMethods.pn_grad_set_enabled(_previous ? 1 : 0);
        }
    }

    private sealed class InferenceModeGuard : IDisposable
    {
        private IntPtr _guard;

        public InferenceModeGuard()
        {
            Initialize();
            _guard = Checked.Handle(NativeMethods.pn_inference_mode_enter());
        }

        public void Dispose()
        {
            if (_guard == IntPtr.Zero) return;
            NativeMethods.pn_inference_mode_exit(_guard);
            _guard = IntPtr.Zero;
        }
    }
}
