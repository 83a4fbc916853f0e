// Plain C interface of the OpenCV codec unit (see cv_codec.cpp). Buffers returned through `out` are malloc'ed and
// freed with pncv_free. Errors: return -1 and write a message into err[errlen].
#pragma once
#include <cstdint>

extern "C" {
int pncv_available();
void pncv_free(uint8_t* p);
// mode: 0 BGR, 1 RGB, 2 grayscale. Output is HWC uint8.
int pncv_decode(const uint8_t* data, int64_t n, int mode, uint8_t** out, int* h, int* w, int* c, char* err, int errlen);
// ext: ".png" or ".jpg"; quality: JPEG quality 0..100, or PNG compression 0..9 (-1 default).
int pncv_encode(const uint8_t* hwc, int h, int w, int c, int rgb_input, const char* ext, int quality, uint8_t** out,
                int64_t* n, char* err, int errlen);
// interpolation: 0 nearest, 1 bilinear, 2 area.
int pncv_resize(const uint8_t* src, int h, int w, int c, uint8_t* dst, int oh, int ow, int interpolation, char* err,
                int errlen);
}
