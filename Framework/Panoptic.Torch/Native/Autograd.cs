using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/autograd.cpp and native/src/optim.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int pn_tensor_requires_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_set_requires_grad(TensorHandle t, int value);
    [LibraryImport(Lib)] internal static partial int pn_tensor_is_leaf(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_detach(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_retain_grad(TensorHandle t);
    [LibraryImport(Lib)] internal static partial int pn_tensor_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(Lib)] internal static partial int pn_tensor_set_grad(TensorHandle t, TensorHandle grad);
    [LibraryImport(Lib)] internal static partial int pn_tensor_backward(TensorHandle t, TensorHandle grad, int retainGraph, int createGraph);
    [LibraryImport(Lib)] internal static partial int pn_autograd_grad(IntPtr* outputs, int nOut, IntPtr* inputs, int nIn, IntPtr* gradOutputs, int retainGraph, int createGraph, int allowUnused, IntPtr* result);
    [LibraryImport(Lib)] internal static partial IntPtr pn_tensor_grad_fn_name(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_autograd_scaled_square(TensorHandle x, double scale);

    [LibraryImport(Lib)] internal static partial int pn_optim_sgd_step(IntPtr* parameters, IntPtr* buffers, int n, double lr, double momentum, double dampening, double weightDecay, int nesterov, int maximize);
    [LibraryImport(Lib)] internal static partial int pn_optim_adamw_step(IntPtr* parameters, IntPtr* expAvg, IntPtr* expAvgSq, long* steps, int n, double lr, double beta1, double beta2, double eps, double weightDecay, int maximize);
    [LibraryImport(Lib)] internal static partial int pn_clip_grad_norm(IntPtr* parameters, int n, double maxNorm, double normType, out double total);
    [LibraryImport(Lib)] internal static partial int pn_clip_grad_value(IntPtr* parameters, int n, double clip);
}
