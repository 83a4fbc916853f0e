using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/tensor_core.cpp
internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial void pn_tensor_free(IntPtr t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_dim(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial int pn_tensor_sizes(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static unsafe partial int pn_tensor_strides(TensorHandle t, long* output);
    [LibraryImport(Lib)] internal static partial long pn_tensor_numel(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_dtype(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_device_type(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_device_index(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_is_contiguous(TensorHandle t);
    [LibraryImport(Lib)] internal static partial long pn_tensor_element_size(TensorHandle t);
    [LibraryImport(Lib)] internal static partial long pn_tensor_storage_offset(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_data_ptr(TensorHandle t);
    [LibraryImport(Lib)] internal static unsafe partial IntPtr pn_tensor_from_data(void* data, long nbytes, long* shape, int ndim, int dtype, int deviceType, int deviceIndex);
    [LibraryImport(Lib)] internal static unsafe partial int pn_tensor_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(Lib)] internal static partial int pn_tensor_item(TensorHandle t, out double asDouble, out long asLong);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_to_string(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_alias(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_set_data(TensorHandle t, TensorHandle data);
}
