using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/creation.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial IntPtr pn_zeros(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_ones(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_empty(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_full(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_arange(Scalar start, Scalar end, Scalar step, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_linspace(double start, double end, long steps, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_eye(long n, long m, int dtype, int devType, int devIndex, int requiresGrad);
    [LibraryImport(Lib)] internal static partial IntPtr pn_zeros_like(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_ones_like(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_empty_like(TensorHandle t);
    [LibraryImport(Lib)] internal static partial IntPtr pn_full_like(TensorHandle t, Scalar value);
    [LibraryImport(Lib)] internal static partial IntPtr pn_generator_new(ulong seed);
    [LibraryImport(Lib)] internal static partial void pn_generator_free(IntPtr g);
    [LibraryImport(Lib)] internal static partial int pn_generator_set_seed(IntPtr g, ulong seed);
    [LibraryImport(Lib)] internal static partial IntPtr pn_generator_get_state(IntPtr g);
    [LibraryImport(Lib)] internal static partial int pn_generator_set_state(IntPtr g, TensorHandle state);
    [LibraryImport(Lib)] internal static partial IntPtr pn_rand(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr pn_randn(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr pn_randint(long low, long high, long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad, IntPtr generator);
    [LibraryImport(Lib)] internal static partial IntPtr pn_randperm(long n, int dtype, int devType, int devIndex, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int pn_tensor_uniform_(TensorHandle t, double from, double to, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int pn_tensor_normal_(TensorHandle t, double mean, double std, IntPtr generator);
    [LibraryImport(Lib)] internal static partial int pn_tensor_bernoulli_(TensorHandle t, double p, IntPtr generator);
}
