// Functional neural-network ops (torch.nn.functional): convolutions, pooling, normalisation, resampling, losses.
#include "pn_common.h"

namespace {
// Two-element parameters (stride, padding, ...) arrive as int64[2].
at::IntArrayRef pair(const int64_t* p) { return at::IntArrayRef(p, 2); }
c10::optional<double> scale(double s) { return s > 0 ? c10::optional<double>(s) : c10::nullopt; }
}  // namespace

PN_API at::Tensor* pn_nn_linear(const at::Tensor* x, const at::Tensor* w, const at::Tensor* b) {
  PN_TENSOR(at::linear(*x, *w, pn::opt(b)))
}

PN_API at::Tensor* pn_nn_conv2d(const at::Tensor* x, const at::Tensor* w, const at::Tensor* b, const int64_t* stride,
                                const int64_t* padding, const int64_t* dilation, int64_t groups) {
  PN_TENSOR(at::conv2d(*x, *w, pn::opt(b), pair(stride), pair(padding), pair(dilation), groups))
}

PN_API at::Tensor* pn_nn_conv_transpose2d(const at::Tensor* x, const at::Tensor* w, const at::Tensor* b,
                                          const int64_t* stride, const int64_t* padding, const int64_t* output_padding,
                                          int64_t groups, const int64_t* dilation) {
  PN_TENSOR(at::conv_transpose2d(*x, *w, pn::opt(b), pair(stride), pair(padding), pair(output_padding), groups,
                                 pair(dilation)))
}

PN_API at::Tensor* pn_nn_max_pool2d(const at::Tensor* x, const int64_t* kernel, const int64_t* stride,
                                    const int64_t* padding, const int64_t* dilation, int32_t ceil_mode) {
  PN_TENSOR(at::max_pool2d(*x, pair(kernel), pair(stride), pair(padding), pair(dilation), ceil_mode != 0))
}

PN_API at::Tensor* pn_nn_avg_pool2d(const at::Tensor* x, const int64_t* kernel, const int64_t* stride,
                                    const int64_t* padding, int32_t ceil_mode, int32_t count_include_pad) {
  PN_TENSOR(at::avg_pool2d(*x, pair(kernel), pair(stride), pair(padding), ceil_mode != 0, count_include_pad != 0))
}

PN_API at::Tensor* pn_nn_adaptive_avg_pool2d(const at::Tensor* x, const int64_t* size) {
  PN_TENSOR(at::adaptive_avg_pool2d(*x, pair(size)))
}

PN_API at::Tensor* pn_nn_batch_norm(const at::Tensor* x, const at::Tensor* w, const at::Tensor* b,
                                    const at::Tensor* running_mean, const at::Tensor* running_var, int32_t training,
                                    double momentum, double eps) {
  PN_TENSOR(at::batch_norm(*x, pn::opt(w), pn::opt(b), pn::opt(running_mean), pn::opt(running_var), training != 0,
                           momentum, eps, true))
}

PN_API at::Tensor* pn_nn_group_norm(const at::Tensor* x, int64_t groups, const at::Tensor* w, const at::Tensor* b,
                                    double eps) {
  PN_TENSOR(at::group_norm(*x, groups, pn::opt(w), pn::opt(b), eps, true))
}

PN_API at::Tensor* pn_nn_layer_norm(const at::Tensor* x, const int64_t* shape, int32_t n, const at::Tensor* w,
                                    const at::Tensor* b, double eps) {
  PN_TENSOR(at::layer_norm(*x, pn::dims(shape, n), pn::opt(w), pn::opt(b), eps, true))
}

// mode 0 = nearest, 1 = bilinear. `size` is the output (H, W); scale_h/scale_w > 0 are the user's scale factors,
// passed to the kernel as torch.nn.functional.interpolate does when recompute_scale_factor is not set.
PN_API at::Tensor* pn_nn_interpolate(const at::Tensor* x, const int64_t* size, double scale_h, double scale_w,
                                     int32_t mode, int32_t align_corners) {
  try {
    TORCH_CHECK(x->dim() == 4, "interpolate expects a 4-D (N, C, H, W) input, got ", x->dim(), "-D ", x->sizes());
    if (mode == 0) {
      TORCH_CHECK(!align_corners, "align_corners only applies to bilinear interpolation, not nearest");
      return pn::wrap(at::upsample_nearest2d(*x, pair(size), scale(scale_h), scale(scale_w)));
    }
    TORCH_CHECK(mode == 1, "unknown interpolation mode ", mode, " (valid: 0 nearest, 1 bilinear)");
    return pn::wrap(at::upsample_bilinear2d(*x, pair(size), align_corners != 0, scale(scale_h), scale(scale_w)));
  }
  PN_CATCH(nullptr)
}

// mode: 0 bilinear, 1 nearest, 2 bicubic; padding: 0 zeros, 1 border, 2 reflection.
PN_API at::Tensor* pn_nn_grid_sample(const at::Tensor* x, const at::Tensor* grid, int32_t mode, int32_t padding,
                                     int32_t align_corners) {
  PN_TENSOR(at::grid_sampler(*x, *grid, mode, padding, align_corners != 0))
}

PN_API at::Tensor* pn_nn_pad(const at::Tensor* x, const int64_t* pad, int32_t n, double value) {
  PN_TENSOR(at::constant_pad_nd(*x, pn::dims(pad, n), value))
}

PN_API at::Tensor* pn_nn_dropout(const at::Tensor* x, double p, int32_t training) {
  PN_TENSOR(at::dropout(*x, p, training != 0))
}

// reduction: 0 none, 1 mean, 2 sum (at::Reduction).
PN_API at::Tensor* pn_nn_cross_entropy(const at::Tensor* x, const at::Tensor* target, const at::Tensor* weight,
                                       int32_t reduction, int64_t ignore_index, double label_smoothing) {
  PN_TENSOR(at::cross_entropy_loss(*x, *target, pn::opt(weight), reduction, ignore_index, label_smoothing))
}

// Input and target must have the same shape (torch.nn.functional checks this before calling ATen, which would broadcast).
PN_API at::Tensor* pn_nn_binary_cross_entropy_with_logits(const at::Tensor* x, const at::Tensor* target,
                                                          const at::Tensor* weight, const at::Tensor* pos_weight,
                                                          int32_t reduction) {
  try {
    TORCH_CHECK(target->sizes() == x->sizes(), "Target size (", target->sizes(), ") must be the same as input size (",
                x->sizes(), ")");
    return pn::wrap(at::binary_cross_entropy_with_logits(*x, *target, pn::opt(weight), pn::opt(pos_weight), reduction));
  }
  PN_CATCH(nullptr)
}

PN_API at::Tensor* pn_nn_smooth_l1_loss(const at::Tensor* x, const at::Tensor* target, int32_t reduction, double beta) {
  try {
    // beta == 0 is exactly L1 (as torch.nn.functional.smooth_l1_loss does).
    if (beta == 0.0) return pn::wrap(at::l1_loss(*x, *target, reduction));
    return pn::wrap(at::smooth_l1_loss(*x, *target, reduction, beta));
  }
  PN_CATCH(nullptr)
}

PN_API at::Tensor* pn_nn_l1_loss(const at::Tensor* x, const at::Tensor* target, int32_t reduction) {
  PN_TENSOR(at::l1_loss(*x, *target, reduction))
}

PN_API at::Tensor* pn_nn_mse_loss(const at::Tensor* x, const at::Tensor* target, int32_t reduction) {
  PN_TENSOR(at::mse_loss(*x, *target, reduction))
}
