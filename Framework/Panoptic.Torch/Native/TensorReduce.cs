using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/tensor_reduce.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_sum(TensorHandle a, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_sum_dims(TensorHandle a, long* dims, int n, int keepdim, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_mean(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_mean_dims(TensorHandle a, long* dims, int n, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_prod(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_var_dims(TensorHandle a, long* dims, int n, int unbiased, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_std_dims(TensorHandle a, long* dims, int n, int unbiased, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_norm(TensorHandle a, double p);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_max(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_min(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_max_dim(TensorHandle a, long dim, int keepdim, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_min_dim(TensorHandle a, long dim, int keepdim, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_argmax(TensorHandle a, long dim, int hasDim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_argmin(TensorHandle a, long dim, int hasDim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_topk(TensorHandle a, long k, long dim, int largest, int sorted, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_sort(TensorHandle a, long dim, int descending, int stable, out IntPtr indices);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_argsort(TensorHandle a, long dim, int descending, int stable);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_any(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_all(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_any_dim(TensorHandle a, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_all_dim(TensorHandle a, long dim, int keepdim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_cumsum(TensorHandle a, long dim, int dtype);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_count_nonzero(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_unique(TensorHandle a, int sorted);
}
