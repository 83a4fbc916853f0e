// Image codecs as tensors: decode to HWC uint8, encode to bytes, resize. OpenCV work happens in codec/cv_codec.cpp.
#include "pn_common.h"
#include "../codec/cv_codec.h"

namespace {
constexpr int kErr = 512;
void check(int status, const char* err) {
  if (status != 0) throw std::runtime_error(err);
}
at::Tensor adopt(uint8_t* data, std::vector<int64_t> shape) {
  // Copy into a libtorch-owned tensor, then release the codec buffer.
  auto t = at::empty(shape, at::kByte);
  std::memcpy(t.data_ptr(), data, static_cast<size_t>(t.numel()));
  pncv_free(data);
  return t;
}
at::Tensor hwc_u8(const at::Tensor& img) {
  TORCH_CHECK(img.scalar_type() == at::kByte, "image must be uint8, got ", img.scalar_type());
  TORCH_CHECK(img.dim() == 3 || img.dim() == 2, "image must be (H, W, C) or (H, W), got shape ", img.sizes());
  return img.to(at::kCPU).contiguous();
}
}  // namespace

PN_API int32_t pn_image_codecs_available() { return pncv_available(); }

// mode: 0 BGR, 1 RGB, 2 grayscale -> (H, W, C) uint8 with C = 3 (or 1 for grayscale).
PN_API at::Tensor* pn_image_decode(const uint8_t* data, int64_t n, int32_t mode) {
  try {
    char err[kErr] = {0};
    uint8_t* out = nullptr;
    int h = 0, w = 0, c = 0;
    check(pncv_decode(data, n, mode, &out, &h, &w, &c, err, kErr), err);
    return pn::wrap(adopt(out, {h, w, c}));
  }
  PN_CATCH(nullptr)
}

// (H, W, C) uint8 -> 1-D uint8 tensor of encoded bytes. ext ".png" or ".jpg".
PN_API at::Tensor* pn_image_encode(const at::Tensor* img, const char* ext, int32_t quality, int32_t rgb_input) {
  try {
    auto x = hwc_u8(*img);
    const int c = x.dim() == 2 ? 1 : static_cast<int>(x.size(2));
    char err[kErr] = {0};
    uint8_t* out = nullptr;
    int64_t n = 0;
    check(pncv_encode(x.data_ptr<uint8_t>(), static_cast<int>(x.size(0)), static_cast<int>(x.size(1)), c, rgb_input, ext,
                      quality, &out, &n, err, kErr),
          err);
    return pn::wrap(adopt(out, {n}));
  }
  PN_CATCH(nullptr)
}

// (H, W, C) uint8 resized to (oh, ow, C). interpolation: 0 nearest, 1 bilinear, 2 area.
PN_API at::Tensor* pn_image_resize(const at::Tensor* img, int64_t oh, int64_t ow, int32_t interpolation) {
  try {
    auto x = hwc_u8(*img);
    TORCH_CHECK(oh > 0 && ow > 0, "resize target must be positive, got ", oh, "x", ow);
    const int c = x.dim() == 2 ? 1 : static_cast<int>(x.size(2));
    auto out = x.dim() == 2 ? at::empty({oh, ow}, at::kByte) : at::empty({oh, ow, c}, at::kByte);
    char err[kErr] = {0};
    check(pncv_resize(x.data_ptr<uint8_t>(), static_cast<int>(x.size(0)), static_cast<int>(x.size(1)), c,
                      out.data_ptr<uint8_t>(), static_cast<int>(oh), static_cast<int>(ow), interpolation, err, kErr),
          err);
    return pn::wrap(out);
  }
  PN_CATCH(nullptr)
}
