using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/nn_functional.cpp (optional tensors are passed as TensorHandle.Null)
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_linear(TensorHandle x, TensorHandle w, TensorHandle b);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_conv2d(TensorHandle x, TensorHandle w, TensorHandle b, long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_conv_transpose2d(TensorHandle x, TensorHandle w, TensorHandle b, long* stride, long* padding, long* outputPadding, long groups, long* dilation);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_max_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, long* dilation, int ceilMode);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_avg_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, int ceilMode, int countIncludePad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_adaptive_avg_pool2d(TensorHandle x, long* size);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_batch_norm(TensorHandle x, TensorHandle w, TensorHandle b, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_group_norm(TensorHandle x, long groups, TensorHandle w, TensorHandle b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_layer_norm(TensorHandle x, long* shape, int n, TensorHandle w, TensorHandle b, double eps);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_interpolate(TensorHandle x, long* size, double scaleH, double scaleW, int mode, int alignCorners);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_grid_sample(TensorHandle x, TensorHandle grid, int mode, int padding, int alignCorners);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_pad(TensorHandle x, long* pad, int n, double value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_dropout(TensorHandle x, double p, int training);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_cross_entropy(TensorHandle x, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_binary_cross_entropy_with_logits(TensorHandle x, TensorHandle target, TensorHandle weight, TensorHandle posWeight, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_smooth_l1_loss(TensorHandle x, TensorHandle target, int reduction, double beta);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_l1_loss(TensorHandle x, TensorHandle target, int reduction);
    [LibraryImport(Lib)] internal static partial IntPtr pn_nn_mse_loss(TensorHandle x, TensorHandle target, int reduction);
}
