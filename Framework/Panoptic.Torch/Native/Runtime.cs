using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/runtime.cpp
internal static partial class NativeMethods
{
    private const string Lib = NativeLibraryLoader.LibraryName;

    [LibraryImport(Lib)] internal static partial IntPtr pn_last_error();
    [LibraryImport(Lib)] internal static partial IntPtr pn_torch_version();
    [LibraryImport(Lib)] internal static partial int pn_set_num_threads(int n);
    [LibraryImport(Lib)] internal static partial int pn_get_num_threads();
    [LibraryImport(Lib)] internal static partial int pn_set_num_interop_threads(int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_parallel_info();
    [LibraryImport(Lib)] internal static partial int pn_malloc_tune(int trimThreshold, int mmapMax);
    [LibraryImport(Lib)] internal static partial int pn_manual_seed(ulong seed);
    [LibraryImport(Lib)] internal static partial int pn_cuda_is_available();
    [LibraryImport(Lib)] internal static partial int pn_cuda_device_count();
    [LibraryImport(Lib)] internal static partial IntPtr pn_cuda_device_name(int index);
    [LibraryImport(Lib)] internal static partial int pn_cuda_synchronize();
    [LibraryImport(Lib)] internal static partial int pn_grad_is_enabled();
    [LibraryImport(Lib)] internal static partial void pn_grad_set_enabled(int enabled);
    [LibraryImport(Lib)] internal static partial IntPtr pn_inference_mode_enter();
    [LibraryImport(Lib)] internal static partial void pn_inference_mode_exit(IntPtr guard);
}
