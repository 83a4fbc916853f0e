// RoIAlign (He et al. 2017): bilinear sampling of RoI bins with no quantisation, exactly as torchvision.ops.roi_align
// (aligned or not, fixed or adaptive sampling ratio). CPU kernel parallelised with at::parallel_for; other devices use a
// composition of ATen ops. Gradients through a torch::autograd::Function.
#include "pn_common.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>

namespace {

struct Geometry {
  double spatial_scale;
  int64_t pooled_h, pooled_w, sampling_ratio;
  bool aligned;
};

// One bilinear sample: four input offsets and weights (all zero when the point falls outside).
template <typename T>
struct Sample {
  int64_t p1, p2, p3, p4;
  T w1, w2, w3, w4;
};

template <typename T>
inline Sample<T> bilinear(int64_t height, int64_t width, T y, T x) {
  if (y < -1.0 || y > height || x < -1.0 || x > width) return {0, 0, 0, 0, 0, 0, 0, 0};
  if (y <= 0) y = 0;
  if (x <= 0) x = 0;
  int64_t y_low = static_cast<int64_t>(y), x_low = static_cast<int64_t>(x), y_high, x_high;
  if (y_low >= height - 1) {
    y_high = y_low = height - 1;
    y = static_cast<T>(y_low);
  } else {
    y_high = y_low + 1;
  }
  if (x_low >= width - 1) {
    x_high = x_low = width - 1;
    x = static_cast<T>(x_low);
  } else {
    x_high = x_low + 1;
  }
  T ly = y - y_low, lx = x - x_low, hy = 1. - ly, hx = 1. - lx;
  return {y_low * width + x_low, y_low * width + x_high, y_high * width + x_low, y_high * width + x_high,
          hy * hx, hy * lx, ly * hx, ly * lx};
}

// The bins of one RoI: its batch index, the samples of every (ph, pw) bin in order, and the sample count per bin.
template <typename T>
struct RoiPlan {
  int64_t batch;
  int64_t count;  // samples per bin (divisor)
  std::vector<Sample<T>> samples;  // pooled_h * pooled_w * grid_h * grid_w
};

template <typename T>
RoiPlan<T> plan(const T* roi, int64_t height, int64_t width, const Geometry& g) {
  RoiPlan<T> p;
  p.batch = static_cast<int64_t>(roi[0]);
  const T offset = g.aligned ? (T)0.5 : (T)0.0;
  const T start_w = roi[1] * (T)g.spatial_scale - offset;
  const T start_h = roi[2] * (T)g.spatial_scale - offset;
  const T end_w = roi[3] * (T)g.spatial_scale - offset;
  const T end_h = roi[4] * (T)g.spatial_scale - offset;
  T roi_w = end_w - start_w, roi_h = end_h - start_h;
  if (!g.aligned) {
    roi_w = std::max(roi_w, (T)1.);
    roi_h = std::max(roi_h, (T)1.);
  }
  const T bin_h = static_cast<T>(roi_h) / static_cast<T>(g.pooled_h);
  const T bin_w = static_cast<T>(roi_w) / static_cast<T>(g.pooled_w);
  const int64_t grid_h = g.sampling_ratio > 0 ? g.sampling_ratio : static_cast<int64_t>(std::ceil(roi_h / g.pooled_h));
  const int64_t grid_w = g.sampling_ratio > 0 ? g.sampling_ratio : static_cast<int64_t>(std::ceil(roi_w / g.pooled_w));
  p.count = std::max<int64_t>(grid_h * grid_w, 1);
  p.samples.reserve(static_cast<size_t>(g.pooled_h * g.pooled_w * grid_h * grid_w));
  for (int64_t ph = 0; ph < g.pooled_h; ++ph)
    for (int64_t pw = 0; pw < g.pooled_w; ++pw)
      for (int64_t iy = 0; iy < grid_h; ++iy) {
        const T y = start_h + ph * bin_h + static_cast<T>(iy + .5f) * bin_h / static_cast<T>(grid_h);
        for (int64_t ix = 0; ix < grid_w; ++ix) {
          const T x = start_w + pw * bin_w + static_cast<T>(ix + .5f) * bin_w / static_cast<T>(grid_w);
          p.samples.push_back(bilinear<T>(height, width, y, x));
        }
      }
  return p;
}

void check_inputs(const at::Tensor& input, const at::Tensor& rois) {
  TORCH_CHECK(input.dim() == 4, "roi_align: input must be (N, C, H, W), got shape ", input.sizes());
  TORCH_CHECK(rois.dim() == 2 && rois.size(1) == 5,
              "roi_align: rois must be (K, 5) rows of (batch_index, x1, y1, x2, y2), got shape ", rois.sizes());
  TORCH_CHECK(input.scalar_type() == rois.scalar_type(), "roi_align: input is ", input.scalar_type(), " but rois are ",
              rois.scalar_type());
  TORCH_CHECK(input.device() == rois.device(), "roi_align: input is on ", input.device(), " but rois on ", rois.device());
}

at::Tensor forward_cpu(const at::Tensor& input_, const at::Tensor& rois_, const Geometry& g) {
  auto input = input_.contiguous();
  auto rois = rois_.contiguous();
  const int64_t K = rois.size(0), C = input.size(1), H = input.size(2), W = input.size(3);
  auto output = at::zeros({K, C, g.pooled_h, g.pooled_w}, input.options());
  if (K == 0 || output.numel() == 0) return output;
  AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "pn_roi_align_forward", [&] {
    const scalar_t* in = input.data_ptr<scalar_t>();
    const scalar_t* r = rois.data_ptr<scalar_t>();
    scalar_t* out = output.data_ptr<scalar_t>();
    const int64_t bins = g.pooled_h * g.pooled_w;
    at::parallel_for(0, K, 1, [&](int64_t begin, int64_t end) {
      for (int64_t k = begin; k < end; ++k) {
        auto p = plan<scalar_t>(r + k * 5, H, W, g);
        TORCH_CHECK(p.batch >= 0 && p.batch < input.size(0), "roi_align: RoI ", k, " has batch index ", p.batch,
                    " but the input has ", input.size(0), " images");
        const int64_t per_bin = static_cast<int64_t>(p.samples.size()) / bins;
        for (int64_t c = 0; c < C; ++c) {
          const scalar_t* plane = in + (p.batch * C + c) * H * W;
          scalar_t* o = out + (k * C + c) * bins;
          for (int64_t b = 0; b < bins; ++b) {
            scalar_t v = 0;
            const Sample<scalar_t>* s = p.samples.data() + b * per_bin;
            for (int64_t i = 0; i < per_bin; ++i)
              v += s[i].w1 * plane[s[i].p1] + s[i].w2 * plane[s[i].p2] + s[i].w3 * plane[s[i].p3] + s[i].w4 * plane[s[i].p4];
            o[b] = v / static_cast<scalar_t>(p.count);
          }
        }
      }
    });
  });
  return output;
}

// Backward: scatter grad_output into the input gradient. Parallel over channels (disjoint memory), so no races.
at::Tensor backward_cpu(const at::Tensor& grad_, const at::Tensor& rois_, const Geometry& g, at::IntArrayRef input_shape) {
  auto grad = grad_.contiguous();
  auto rois = rois_.contiguous();
  const int64_t N = input_shape[0], C = input_shape[1], H = input_shape[2], W = input_shape[3], K = rois.size(0);
  auto grad_input = at::zeros({N, C, H, W}, grad.options());
  if (K == 0 || grad_input.numel() == 0) return grad_input;
  AT_DISPATCH_FLOATING_TYPES(grad.scalar_type(), "pn_roi_align_backward", [&] {
    const scalar_t* r = rois.data_ptr<scalar_t>();
    std::vector<RoiPlan<scalar_t>> plans;
    plans.reserve(static_cast<size_t>(K));
    for (int64_t k = 0; k < K; ++k) plans.push_back(plan<scalar_t>(r + k * 5, H, W, g));
    const scalar_t* go = grad.data_ptr<scalar_t>();
    scalar_t* gi = grad_input.data_ptr<scalar_t>();
    const int64_t bins = g.pooled_h * g.pooled_w;
    at::parallel_for(0, C, 1, [&](int64_t begin, int64_t end) {
      for (int64_t c = begin; c < end; ++c)
        for (int64_t k = 0; k < K; ++k) {
          const auto& p = plans[static_cast<size_t>(k)];
          scalar_t* plane = gi + (p.batch * C + c) * H * W;
          const scalar_t* o = go + (k * C + c) * bins;
          const int64_t per_bin = static_cast<int64_t>(p.samples.size()) / bins;
          for (int64_t b = 0; b < bins; ++b) {
            const scalar_t v = o[b] / static_cast<scalar_t>(p.count);
            const Sample<scalar_t>* s = p.samples.data() + b * per_bin;
            for (int64_t i = 0; i < per_bin; ++i) {
              plane[s[i].p1] += v * s[i].w1;
              plane[s[i].p2] += v * s[i].w2;
              plane[s[i].p3] += v * s[i].w3;
              plane[s[i].p4] += v * s[i].w4;
            }
          }
        }
    });
  });
  return grad_input;
}

struct RoIAlignFunction : public torch::autograd::Function<RoIAlignFunction> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& input, const at::Tensor& rois,
                            double spatial_scale, int64_t pooled_h, int64_t pooled_w, int64_t sampling_ratio,
                            bool aligned) {
    ctx->save_for_backward({rois});
    ctx->saved_data["spatial_scale"] = spatial_scale;
    ctx->saved_data["pooled_h"] = pooled_h;
    ctx->saved_data["pooled_w"] = pooled_w;
    ctx->saved_data["sampling_ratio"] = sampling_ratio;
    ctx->saved_data["aligned"] = aligned;
    ctx->saved_data["input_shape"] = input.sizes().vec();
    at::AutoDispatchBelowADInplaceOrView guard;
    return forward_cpu(input, rois, {spatial_scale, pooled_h, pooled_w, sampling_ratio, aligned});
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    auto rois = ctx->get_saved_variables()[0];
    Geometry g{ctx->saved_data["spatial_scale"].toDouble(), ctx->saved_data["pooled_h"].toInt(),
               ctx->saved_data["pooled_w"].toInt(), ctx->saved_data["sampling_ratio"].toInt(),
               ctx->saved_data["aligned"].toBool()};
    auto shape = ctx->saved_data["input_shape"].toIntVector();
    auto gi = backward_cpu(grads[0], rois, g, shape);
    return {gi, at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
  }
};

}  // namespace

// input (N, C, H, W), rois (K, 5) = (batch, x1, y1, x2, y2) in input-image coordinates -> (K, C, pooled_h, pooled_w).
PN_API at::Tensor* pn_roi_align(const at::Tensor* input, const at::Tensor* rois, double spatial_scale, int64_t pooled_h,
                                int64_t pooled_w, int64_t sampling_ratio, int32_t aligned) {
  try {
    check_inputs(*input, *rois);
    TORCH_CHECK(input->device().is_cpu(),
                "the native RoIAlign kernel runs on CPU tensors; on ", input->device(), " use the RoIAlignOps component");
    TORCH_CHECK(pooled_h > 0 && pooled_w > 0, "roi_align: output size must be positive, got ", pooled_h, "x", pooled_w);
    return pn::wrap(RoIAlignFunction::apply(*input, *rois, spatial_scale, pooled_h, pooled_w, sampling_ratio, aligned != 0));
  }
  PN_CATCH(nullptr)
}
