using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/tensor_index.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_index_select(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_gather(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_scatter(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_scatter_value(TensorHandle a, long dim, TensorHandle index, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_scatter_add(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_index_add(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_masked_select(TensorHandle a, TensorHandle mask);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_masked_fill(TensorHandle a, TensorHandle mask, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_masked_fill_tensor(TensorHandle a, TensorHandle mask, TensorHandle value);
    [LibraryImport(Lib)] internal static partial int pn_tensor_masked_fill_(TensorHandle a, TensorHandle mask, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_nonzero(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_where(TensorHandle cond, TensorHandle a, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_where_scalar(TensorHandle cond, TensorHandle a, Scalar b);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_index(TensorHandle a, int* kinds, long* starts, long* stops, long* steps, int* has, IntPtr* tensors, int n);
    [LibraryImport(Lib)] internal static partial int pn_tensor_index_put_(TensorHandle a, int* kinds, long* starts, long* stops, long* steps, int* has, IntPtr* tensors, int n, TensorHandle value);
    [LibraryImport(Lib)] internal static partial int pn_tensor_index_put_scalar_(TensorHandle a, int* kinds, long* starts, long* stops, long* steps, int* has, IntPtr* tensors, int n, Scalar value);
    [LibraryImport(Lib)] internal static partial int pn_tensor_index_put_tensors_(TensorHandle a, IntPtr* indices, int n, TensorHandle values, int accumulate);
}
