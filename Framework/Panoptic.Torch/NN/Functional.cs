using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.NN;

/// <summary>How a loss reduces its per-element values (values match <c>at::Reduction</c>).</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

/// <summary>Interpolation modes of <see cref="Functional.Interpolate"/>.</summary>
public enum InterpolationMode
{
    Nearest = 0,
    Bilinear = 1,
}

/// <summary>Sampling modes of <see cref="Functional.GridSample"/>.</summary>
public enum GridSampleMode
{
    Bilinear = 0,
    Nearest = 1,
    Bicubic = 2,
}

/// <summary>Padding modes of <see cref="Functional.GridSample"/>.</summary>
public enum GridSamplePadding
{
    Zeros = 0,
    Border = 1,
    Reflection = 2,
}

/// <summary>
/// <c>torch.nn.functional</c>: stateless layers and losses (native/src/nn_functional.cpp). Shapes follow PyTorch:
/// images are (N, C, H, W). Import as <c>using F = Panoptic.Torch.NN.Functional;</c>.
/// </summary>
public static class Functional
{
    private static Tensor W(IntPtr h) => Checked.Wrap(h);
    private static TensorHandle O(Tensor? t) => Checked.Opt(t);

    /// <summary>y = x Wᵀ + b. x (*, in), weight (out, in), bias (out) → (*, out).</summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) => W(pn_nn_linear(input.Handle, weight.Handle, O(bias)));

    /// <summary>2-D convolution. input (N, Cin, H, W), weight (Cout, Cin/groups, kH, kW), bias (Cout).</summary>
    public static unsafe Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? dilation = null, long groups = 1)
    {
        long* s = stackalloc long[2], p = stackalloc long[2], d = stackalloc long[2];
        Pair(s, stride ?? (1, 1));
        Pair(p, padding ?? (0, 0));
        Pair(d, dilation ?? (1, 1));
        return W(pn_nn_conv2d(input.Handle, weight.Handle, O(bias), s, p, d, groups));
    }

    /// <summary>Transposed 2-D convolution. input (N, Cin, H, W), weight (Cin, Cout/groups, kH, kW).</summary>
    public static unsafe Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? outputPadding = null, long groups = 1, (long H, long W)? dilation = null)
    {
        long* s = stackalloc long[2], p = stackalloc long[2], op = stackalloc long[2], d = stackalloc long[2];
        Pair(s, stride ?? (1, 1));
        Pair(p, padding ?? (0, 0));
        Pair(op, outputPadding ?? (0, 0));
        Pair(d, dilation ?? (1, 1));
        return W(pn_nn_conv_transpose2d(input.Handle, weight.Handle, O(bias), s, p, op, groups, d));
    }

    /// <summary>Max pooling; <paramref name="stride"/> defaults to the kernel size.</summary>
    public static unsafe Tensor MaxPool2d(Tensor input, (long H, long W) kernel, (long H, long W)? stride = null,
        (long H, long W)? padding = null, (long H, long W)? dilation = null, bool ceilMode = false)
    {
        long* k = stackalloc long[2], s = stackalloc long[2], p = stackalloc long[2], d = stackalloc long[2];
        Pair(k, kernel);
        Pair(s, stride ?? kernel);
        Pair(p, padding ?? (0, 0));
        Pair(d, dilation ?? (1, 1));
        return W(pn_nn_max_pool2d(input.Handle, k, s, p, d, ceilMode ? 1 : 0));
    }

    /// <summary>Average pooling; <paramref name="stride"/> defaults to the kernel size.</summary>
    public static unsafe Tensor AvgPool2d(Tensor input, (long H, long W) kernel, (long H, long W)? stride = null,
        (long H, long W)? padding = null, bool ceilMode = false, bool countIncludePad = true)
    {
        long* k = stackalloc long[2], s = stackalloc long[2], p = stackalloc long[2];
        Pair(k, kernel);
        Pair(s, stride ?? kernel);
        Pair(p, padding ?? (0, 0));
        return W(pn_nn_avg_pool2d(input.Handle, k, s, p, ceilMode ? 1 : 0, countIncludePad ? 1 : 0));
    }

    /// <summary>Adaptive average pooling to (H, W).</summary>
    public static unsafe Tensor AdaptiveAvgPool2d(Tensor input, (long H, long W) outputSize)
    {
        long* o = stackalloc long[2];
        Pair(o, outputSize);
        return W(pn_nn_adaptive_avg_pool2d(input.Handle, o));
    }

    /// <summary>Batch normalisation over (N, C, ...); in training it updates the running statistics in place.</summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5) =>
        W(pn_nn_batch_norm(input.Handle, O(weight), O(bias), O(runningMean), O(runningVar), training ? 1 : 0, momentum, eps));

    /// <summary>Group normalisation of (N, C, ...) with C divisible by <paramref name="groups"/>.</summary>
    public static Tensor GroupNorm(Tensor input, long groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
        W(pn_nn_group_norm(input.Handle, groups, O(weight), O(bias), eps));

    /// <summary>Layer normalisation over the trailing <paramref name="normalizedShape"/>.</summary>
    public static unsafe Tensor LayerNorm(Tensor input, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        fixed (long* s = normalizedShape)
            return W(pn_nn_layer_norm(input.Handle, s, normalizedShape.Length, O(weight), O(bias), eps));
    }

    /// <summary>
    /// Resizes (N, C, H, W) to <paramref name="size"/>, or by <paramref name="scaleFactor"/> (output = floor(in × scale),
    /// and the scale itself drives the sampling positions, as PyTorch does when recompute_scale_factor is not set).
    /// </summary>
    public static unsafe Tensor Interpolate(Tensor input, (long H, long W)? size = null, (double H, double W)? scaleFactor = null,
        InterpolationMode mode = InterpolationMode.Nearest, bool alignCorners = false)
    {
        if (size.HasValue == scaleFactor.HasValue)
            throw new TorchException("interpolate: give exactly one of size and scaleFactor");
        long* o = stackalloc long[2];
        double sh = 0, sw = 0;
        if (size is { } s)
        {
            Pair(o, s);
        }
        else
        {
            (sh, sw) = scaleFactor!.Value;
            if (sh <= 0 || sw <= 0) throw new TorchException($"interpolate: scale factors must be positive, got ({sh}, {sw})");
            var shape = input.Shape;
            if (shape.Length != 4) throw new TorchException($"interpolate expects a 4-D (N, C, H, W) input, got shape [{string.Join(", ", shape)}]");
            o[0] = (long)Math.Floor(shape[2] * sh);
            o[1] = (long)Math.Floor(shape[3] * sw);
        }
        return W(pn_nn_interpolate(input.Handle, o, sh, sw, (int)mode, alignCorners ? 1 : 0));
    }

    /// <summary>Samples input (N, C, H, W) at grid (N, Hout, Wout, 2) normalised coordinates in [-1, 1] (x, y).</summary>
    public static Tensor GridSample(Tensor input, Tensor grid, GridSampleMode mode = GridSampleMode.Bilinear,
        GridSamplePadding padding = GridSamplePadding.Zeros, bool alignCorners = false) =>
        W(pn_nn_grid_sample(input.Handle, grid.Handle, (int)mode, (int)padding, alignCorners ? 1 : 0));

    /// <summary>Constant padding; <paramref name="pad"/> lists (left, right, top, bottom, ...) from the last dimension.</summary>
    public static unsafe Tensor Pad(Tensor input, long[] pad, double value = 0)
    {
        fixed (long* p = pad) return W(pn_nn_pad(input.Handle, p, pad.Length, value));
    }

    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true) => W(pn_nn_dropout(input.Handle, p, training ? 1 : 0));

    public static Tensor Relu(Tensor input) => input.Relu();
    public static Tensor Sigmoid(Tensor input) => input.Sigmoid();
    public static Tensor Softmax(Tensor input, long dim) => input.Softmax(dim);
    public static Tensor LogSoftmax(Tensor input, long dim) => input.LogSoftmax(dim);

    /// <summary>
    /// Cross entropy of logits (N, C[, d1, ...]) against class indices (N[, d1, ...]) int64; targets equal to
    /// <paramref name="ignoreIndex"/> contribute nothing (and are excluded from the mean).
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean,
        long ignoreIndex = -100, double labelSmoothing = 0) =>
        W(pn_nn_cross_entropy(input.Handle, target.Handle, O(weight), (int)reduction, ignoreIndex, labelSmoothing));

    /// <summary>Numerically stable sigmoid + binary cross entropy; input and target have the same shape.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null, Tensor? posWeight = null,
        Reduction reduction = Reduction.Mean) =>
        W(pn_nn_binary_cross_entropy_with_logits(input.Handle, target.Handle, O(weight), O(posWeight), (int)reduction));

    /// <summary>Smooth L1 (Huber-like) loss with transition point <paramref name="beta"/>; beta 0 is exactly L1.</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0) =>
        W(pn_nn_smooth_l1_loss(input.Handle, target.Handle, (int)reduction, beta));

    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        W(pn_nn_l1_loss(input.Handle, target.Handle, (int)reduction));

    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        W(pn_nn_mse_loss(input.Handle, target.Handle, (int)reduction));

    private static unsafe void Pair(long* dst, (long H, long W) v)
    {
        dst[0] = v.H;
        dst[1] = v.W;
    }
}
