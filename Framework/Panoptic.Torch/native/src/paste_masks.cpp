// Pastes per-detection m×m mask probabilities into the image, exactly as torchvision's paste_masks_in_image:
// pad the mask by `padding`, enlarge the box by (m + 2p)/m about its centre, truncate it to integers, resize the
// padded mask to the box (bilinear, align_corners=False) and copy the part inside the image.
#include "pn_common.h"

#include <ATen/Parallel.h>

namespace {
void paste_one(const at::Tensor& mask, const int64_t* box, at::Tensor out) {
  const int64_t im_h = out.size(0), im_w = out.size(1);
  const int64_t w = std::max<int64_t>(box[2] - box[0] + 1, 1);
  const int64_t h = std::max<int64_t>(box[3] - box[1] + 1, 1);
  const int64_t x0 = std::max<int64_t>(box[0], 0), x1 = std::min<int64_t>(box[2] + 1, im_w);
  const int64_t y0 = std::max<int64_t>(box[1], 0), y1 = std::min<int64_t>(box[3] + 1, im_h);
  if (x1 <= x0 || y1 <= y0) return;
  auto resized = at::upsample_bilinear2d(mask.unsqueeze(0).unsqueeze(0), {h, w}, false, c10::nullopt, c10::nullopt)[0][0];
  out.slice(0, y0, y1).slice(1, x0, x1).copy_(resized.slice(0, y0 - box[1], y1 - box[1]).slice(1, x0 - box[0], x1 - box[0]));
}
}  // namespace

// masks (N, M, M) float, boxes (N, 4) x1,y1,x2,y2 in image pixels -> (N, im_h, im_w) pasted probabilities.
PN_API at::Tensor* pn_paste_masks(const at::Tensor* masks, const at::Tensor* boxes, int64_t im_h, int64_t im_w,
                                  int64_t padding) {
  try {
    TORCH_CHECK(masks->dim() == 3 && masks->size(1) == masks->size(2),
                "paste_masks: masks must be (N, M, M), got shape ", masks->sizes());
    TORCH_CHECK(boxes->dim() == 2 && boxes->size(1) == 4 && boxes->size(0) == masks->size(0),
                "paste_masks: boxes must be (N, 4) with N = ", masks->size(0), ", got shape ", boxes->sizes());
    TORCH_CHECK(im_h >= 0 && im_w >= 0, "paste_masks: image size must be non-negative, got ", im_h, "x", im_w);
    at::NoGradGuard no_grad;
    const int64_t n = masks->size(0), m = masks->size(1);
    auto padded = at::constant_pad_nd(*masks, {padding, padding, padding, padding}, 0);
    // expand_boxes: scale the half sizes about the centre, then truncate to int64 as torchvision does.
    const double scale = static_cast<double>(m + 2 * padding) / static_cast<double>(m);
    auto b = boxes->to(at::kFloat);
    auto w_half = (b.select(1, 2) - b.select(1, 0)) * 0.5 * scale;
    auto h_half = (b.select(1, 3) - b.select(1, 1)) * 0.5 * scale;
    auto x_c = (b.select(1, 2) + b.select(1, 0)) * 0.5;
    auto y_c = (b.select(1, 3) + b.select(1, 1)) * 0.5;
    auto expanded = at::stack({x_c - w_half, y_c - h_half, x_c + w_half, y_c + h_half}, 1).to(at::kLong).to(at::kCPU).contiguous();
    auto out = at::zeros({n, im_h, im_w}, padded.options());
    if (n == 0 || im_h == 0 || im_w == 0) return pn::wrap(out);
    const int64_t* bx = expanded.data_ptr<int64_t>();
    at::parallel_for(0, n, 1, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) paste_one(padded[i], bx + 4 * i, out[i]);
    });
    return pn::wrap(out);
  }
  PN_CATCH(nullptr)
}
