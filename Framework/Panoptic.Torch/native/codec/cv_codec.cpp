// Image codecs over OpenCV behind a plain C interface. Compiled WITHOUT libtorch's flags, so that a libtorch built
// with the old C++ ABI (some pip wheels) never passes an ABI-mismatched std::string into OpenCV.
#include "cv_codec.h"

#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#if defined(PN_WITH_OPENCV)
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

namespace {
void put(char* err, int errlen, const std::string& message) {
  if (err == nullptr || errlen <= 0) return;
  std::strncpy(err, message.c_str(), static_cast<size_t>(errlen - 1));
  err[errlen - 1] = '\0';
}

// Runs `body` (returning 0 or -1), turning any exception into -1 with its message in err.
template <typename F>
int guarded(char* err, int errlen, F body) {
#if defined(PN_WITH_OPENCV)
  try {
    return body();
  } catch (const std::exception& e) {
    put(err, errlen, e.what());
  } catch (...) {
    put(err, errlen, "unknown OpenCV error");
  }
#else
  (void)body;
  put(err, errlen, "the native shim was built without OpenCV; install libopencv-{core,imgproc,imgcodecs}-dev and rebuild");
#endif
  return -1;
}
}  // namespace

extern "C" int pncv_available() {
#if defined(PN_WITH_OPENCV)
  return 1;
#else
  return 0;
#endif
}

extern "C" void pncv_free(uint8_t* p) { std::free(p); }

#if defined(PN_WITH_OPENCV)
namespace {
// Copies an encoded or decoded buffer into malloc'ed memory owned by the caller (freed with pncv_free).
int give(const void* data, size_t bytes, uint8_t** out, char* err, int errlen) {
  *out = static_cast<uint8_t*>(std::malloc(bytes == 0 ? 1 : bytes));
  if (*out == nullptr) {
    put(err, errlen, "out of memory");
    return -1;
  }
  std::memcpy(*out, data, bytes);
  return 0;
}
}  // namespace
#define PN_CV(...) return guarded(err, errlen, [&]() -> int __VA_ARGS__);
#else
#define PN_CV(...) return guarded(err, errlen, 0);
#endif

extern "C" int pncv_decode(const uint8_t* data, int64_t n, int mode, uint8_t** out, int* h, int* w, int* c, char* err,
                           int errlen) {
  PN_CV({
    if (n <= 0) {
      put(err, errlen, "empty input (0 bytes)");
      return -1;
    }
    cv::Mat raw(1, static_cast<int>(n), CV_8UC1, const_cast<uint8_t*>(data));
    cv::Mat img = cv::imdecode(raw, mode == 2 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
    if (img.empty()) {
      put(err, errlen, "not a decodable image (OpenCV could not decode it: corrupt, truncated or unsupported format)");
      return -1;
    }
    if (mode == 1) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    if (!img.isContinuous()) img = img.clone();
    *h = img.rows;
    *w = img.cols;
    *c = img.channels();
    return give(img.data, img.total() * img.elemSize(), out, err, errlen);
  })
}

extern "C" int pncv_encode(const uint8_t* hwc, int h, int w, int c, int rgb_input, const char* ext, int quality,
                           uint8_t** out, int64_t* n, char* err, int errlen) {
  PN_CV({
    if (c != 1 && c != 3 && c != 4) {
      put(err, errlen, "encode expects 1, 3 or 4 channels, got " + std::to_string(c));
      return -1;
    }
    cv::Mat img(h, w, CV_8UC(c), const_cast<uint8_t*>(hwc));
    // Convert into a new buffer: the input belongs to the caller's tensor and must not change.
    cv::Mat bgr;
    if (rgb_input && c == 3)
      cv::cvtColor(img, bgr, cv::COLOR_RGB2BGR);
    else if (rgb_input && c == 4)
      cv::cvtColor(img, bgr, cv::COLOR_RGBA2BGRA);
    else
      bgr = img;
    std::vector<int> params;
    std::string e(ext);
    if (e == ".jpg" || e == ".jpeg") params = {cv::IMWRITE_JPEG_QUALITY, quality};
    if (e == ".png") params = {cv::IMWRITE_PNG_COMPRESSION, quality < 0 ? 3 : quality};
    std::vector<uchar> buffer;
    if (!cv::imencode(e, bgr, buffer, params)) {
      put(err, errlen, "OpenCV could not encode the image as " + e);
      return -1;
    }
    *n = static_cast<int64_t>(buffer.size());
    return give(buffer.data(), buffer.size(), out, err, errlen);
  })
}

extern "C" int pncv_resize(const uint8_t* src, int h, int w, int c, uint8_t* dst, int oh, int ow, int interpolation,
                           char* err, int errlen) {
  PN_CV({
    cv::Mat in(h, w, CV_8UC(c), const_cast<uint8_t*>(src));
    cv::Mat out(oh, ow, CV_8UC(c), dst);
    const int interp = interpolation == 0 ? cv::INTER_NEAREST : interpolation == 2 ? cv::INTER_AREA : cv::INTER_LINEAR;
    cv::resize(in, out, cv::Size(ow, oh), 0, 0, interp);
    if (out.data != dst) {
      put(err, errlen, "internal: OpenCV reallocated the resize output");
      return -1;
    }
    return 0;
  })
}
