using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/tensor_shape.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_view(TensorHandle a, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_reshape(TensorHandle a, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_permute(TensorHandle a, long* dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_transpose(TensorHandle a, long d0, long d1);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_flatten(TensorHandle a, long start, long end);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_squeeze(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_squeeze_dim(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_unsqueeze(TensorHandle a, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_expand(TensorHandle a, long* shape, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_repeat(TensorHandle a, long* repeats, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_repeat_interleave(TensorHandle a, long repeats, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_flip(TensorHandle a, long* dims, int n);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_roll(TensorHandle a, long shift, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_contiguous(TensorHandle a);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_narrow(TensorHandle a, long dim, long start, long length);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_slice(TensorHandle a, long dim, long start, long end, long step);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_select(TensorHandle a, long dim, long index);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_as_strided(TensorHandle a, long* size, long* stride, int n, long offset);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_cat(IntPtr* items, int n, long dim);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_stack(IntPtr* items, int n, long dim);
    [LibraryImport(Lib)] internal static partial int pn_tensor_split(TensorHandle a, long size, long dim, IntPtr* output, int capacity);
    [LibraryImport(Lib)] internal static partial int pn_tensor_split_sizes(TensorHandle a, long* sizes, int n, long dim, IntPtr* output, int capacity);
    [LibraryImport(Lib)] internal static partial int pn_tensor_chunk(TensorHandle a, long chunks, long dim, IntPtr* output, int capacity);
    [LibraryImport(Lib)] internal static partial int pn_tensor_unbind(TensorHandle a, long dim, IntPtr* output, int capacity);
    [LibraryImport(Lib)] internal static partial int pn_tensor_meshgrid_ij(IntPtr* items, int n, IntPtr* output, int capacity);
}
