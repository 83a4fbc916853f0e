// Runtime: last error, versions, threads, seeds, CUDA queries, grad modes.
#include "pn_common.h"

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/api/include/torch/version.h>
#include <torch/csrc/autograd/grad_mode.h>

#if defined(PN_WITH_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif
#include <ATen/detail/CUDAHooksInterface.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {
thread_local std::string g_error;
thread_local bool g_has_error = false;
}  // namespace

namespace pn {
void set_error(const char* message) {
  g_error = message == nullptr ? "(no message)" : message;
  g_has_error = true;
}
void clear_error() {
  g_has_error = false;
  g_error.clear();
}
int32_t emit(const std::vector<at::Tensor>& v, at::Tensor** out, int32_t capacity) {
  if (static_cast<int64_t>(v.size()) > capacity)
    throw std::runtime_error("internal: output list has " + std::to_string(v.size()) + " tensors, capacity " +
                             std::to_string(capacity));
  for (size_t i = 0; i < v.size(); ++i) out[i] = new at::Tensor(v[i]);
  return static_cast<int32_t>(v.size());
}
}  // namespace pn

// Message of the last failed export on this thread, or nullptr when none; reading clears it.
PN_API const char* pn_last_error() {
  if (!g_has_error) return nullptr;
  g_has_error = false;
  static thread_local std::string taken;
  taken.swap(g_error);
  g_error.clear();
  return taken.c_str();
}

PN_API const char* pn_torch_version() { return TORCH_VERSION; }

PN_API int32_t pn_set_num_threads(int32_t n) { PN_STATUS(at::set_num_threads(n)) }
PN_API int32_t pn_get_num_threads() {
  try {
    return at::get_num_threads();
  }
  PN_CATCH(-1)
}
PN_API int32_t pn_set_num_interop_threads(int32_t n) { PN_STATUS(at::set_num_interop_threads(n)) }

PN_API const char* pn_parallel_info() {
  static thread_local std::string s;
  try {
    s = at::get_parallel_info();
    return s.c_str();
  }
  PN_CATCH(nullptr)
}

// glibc malloc policy for large tensor buffers: with mmap_max = 0 every allocation comes from the heap, and with a
// large trim threshold freed memory stays there, so the same big activations/gradients are reused iteration after
// iteration instead of being mmapped, page-faulted in and unmapped each time (glibc mmaps anything over 32 MB
// whatever M_MMAP_THRESHOLD says). Measured here: conv2d 3x3 256->256 at 200x304 forward+backward 667 -> 535 ms.
// Allocations on threads other than the main one (glibc's other arenas) still mmap requests above 64 MB.
// Returns 1 when applied, 0 when this C library has no mallopt.
PN_API int32_t pn_malloc_tune(int32_t trim_threshold, int32_t mmap_max) {
#if defined(__GLIBC__)
  const bool ok = mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1 && mallopt(M_MMAP_MAX, mmap_max) == 1;
  return ok ? 1 : 0;
#else
  return 0;
#endif
}

PN_API int32_t pn_manual_seed(uint64_t seed) { PN_STATUS(at::manual_seed(seed)) }

PN_API int32_t pn_cuda_is_available() {
  try {
    return at::detail::getCUDAHooks().hasCUDA() ? 1 : 0;
  }
  PN_CATCH(0)
}

PN_API int32_t pn_cuda_device_count() {
  try {
    return static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs());
  }
  PN_CATCH(0)
}

PN_API const char* pn_cuda_device_name(int32_t index) {
  static thread_local std::string s;
  try {
#if defined(PN_WITH_CUDA)
    s = at::cuda::getDeviceProperties(index)->name;
#else
    s = "cuda:" + std::to_string(index);
#endif
    return s.c_str();
  }
  PN_CATCH(nullptr)
}

PN_API int32_t pn_cuda_synchronize() {
  try {
#if defined(PN_WITH_CUDA)
    at::cuda::device_synchronize();
#endif
    return 0;
  }
  PN_CATCH(-1)
}

PN_API int32_t pn_grad_is_enabled() { return at::GradMode::is_enabled() ? 1 : 0; }
PN_API void pn_grad_set_enabled(int32_t enabled) { at::GradMode::set_enabled(enabled != 0); }

// Inference mode is an RAII guard in C++; the managed guard owns one on the heap and frees it on the same thread.
PN_API void* pn_inference_mode_enter() {
  try {
    return new c10::InferenceMode(true);
  }
  PN_CATCH(nullptr)
}
PN_API void pn_inference_mode_exit(void* guard) { delete static_cast<c10::InferenceMode*>(guard); }
