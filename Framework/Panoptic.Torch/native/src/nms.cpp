// Non-maximum suppression, exactly as torchvision.ops.nms: boxes visited by descending score (stable), a box is
// suppressed when its IoU with a kept box is strictly greater than the threshold.
#include "pn_common.h"

namespace {
template <typename T>
at::Tensor nms_kernel(const at::Tensor& dets, const at::Tensor& scores, double iou_threshold) {
  const int64_t n = dets.size(0);
  if (n == 0) return at::empty({0}, dets.options().dtype(at::kLong));
  auto x1_t = dets.select(1, 0).contiguous(), y1_t = dets.select(1, 1).contiguous();
  auto x2_t = dets.select(1, 2).contiguous(), y2_t = dets.select(1, 3).contiguous();
  at::Tensor areas_t = (x2_t - x1_t) * (y2_t - y1_t);
  auto order_t = std::get<1>(scores.sort(/*stable=*/true, /*dim=*/0, /*descending=*/true));
  std::vector<uint8_t> suppressed(static_cast<size_t>(n), 0);
  std::vector<int64_t> keep;
  keep.reserve(static_cast<size_t>(n));
  const T* x1 = x1_t.data_ptr<T>();
  const T* y1 = y1_t.data_ptr<T>();
  const T* x2 = x2_t.data_ptr<T>();
  const T* y2 = y2_t.data_ptr<T>();
  const T* areas = areas_t.data_ptr<T>();
  const int64_t* order = order_t.data_ptr<int64_t>();
  for (int64_t oi = 0; oi < n; ++oi) {
    const int64_t i = order[oi];
    if (suppressed[i]) continue;
    keep.push_back(i);
    const T ix1 = x1[i], iy1 = y1[i], ix2 = x2[i], iy2 = y2[i], iarea = areas[i];
    for (int64_t oj = oi + 1; oj < n; ++oj) {
      const int64_t j = order[oj];
      if (suppressed[j]) continue;
      const T xx1 = std::max(ix1, x1[j]), yy1 = std::max(iy1, y1[j]);
      const T xx2 = std::min(ix2, x2[j]), yy2 = std::min(iy2, y2[j]);
      const T w = std::max(static_cast<T>(0), xx2 - xx1), h = std::max(static_cast<T>(0), yy2 - yy1);
      const T inter = w * h;
      const T ovr = inter / (iarea + areas[j] - inter);
      if (ovr > iou_threshold) suppressed[j] = 1;
    }
  }
  return at::tensor(keep, dets.options().dtype(at::kLong));
}
}  // namespace

// boxes (N, 4) x1,y1,x2,y2; scores (N) -> kept indices (M) int64, by descending score.
PN_API at::Tensor* pn_nms(const at::Tensor* boxes, const at::Tensor* scores, double iou_threshold) {
  try {
    TORCH_CHECK(boxes->dim() == 2 && boxes->size(1) == 4, "nms: boxes must be (N, 4), got shape ", boxes->sizes());
    TORCH_CHECK(scores->dim() == 1 && scores->size(0) == boxes->size(0), "nms: scores must be (N) with N = ",
                boxes->size(0), ", got shape ", scores->sizes());
    TORCH_CHECK(boxes->scalar_type() == scores->scalar_type(), "nms: boxes are ", boxes->scalar_type(), " but scores ",
                scores->scalar_type());
    auto dev = boxes->device();
    auto b = boxes->detach().to(at::kCPU).contiguous();
    auto s = scores->detach().to(at::kCPU).contiguous();
    at::Tensor keep;
    AT_DISPATCH_FLOATING_TYPES(b.scalar_type(), "pn_nms", [&] { keep = nms_kernel<scalar_t>(b, s, iou_threshold); });
    return pn::wrap(keep.to(dev));
  }
  PN_CATCH(nullptr)
}
