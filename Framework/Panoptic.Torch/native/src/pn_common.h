// Shared plumbing of the native shim: export macro, error guard, handle helpers.
//
// Conventions (greppable end to end): native export `pn_<group>_<op>` in src/<group>.cpp ->
// P/Invoke declaration in Native/<Group>.cs -> public API in Tensor.<Group>.cs / Torch.<Group>.cs.
//  * Tensors cross the boundary as `at::Tensor*` allocated with `new`; every returned handle is owned by
//    the caller (freed with pn_tensor_free); input handles are borrowed.
//  * Every export runs inside PN_GUARD: c10::Error, std::exception and anything else are caught, the
//    message goes to a thread-local string read by pn_last_error(), and the export returns its sentinel
//    (nullptr for handles, -1 for status codes). Nothing is allowed to unwind into managed code.
#pragma once

#include <ATen/ATen.h>
#include <ATen/ScalarOps.h>
#include <cstdint>
#include <string>
#include <vector>

#define PN_API extern "C" __attribute__((visibility("default")))

namespace pn {

void set_error(const char* message);
void clear_error();

// A scalar as the managed side passes it: kind 0 = double, 1 = int64, 2 = bool.
struct Scalar {
  double d;
  int64_t l;
  int32_t kind;
};

inline at::Scalar to_scalar(Scalar s) {
  switch (s.kind) {
    case 1: return at::Scalar(s.l);
    case 2: return at::Scalar(s.l != 0);
    default: return at::Scalar(s.d);
  }
}

// A number as PyTorch's Python front end passes it to a tensor op: a 0-dim CPU "wrapped number" tensor. Calling the
// Tensor overload with it (rather than the Scalar overload) takes one dispatch instead of two and gives Python's type
// promotion (int64 tensor + 1 stays int64, + 1.5 becomes the default float dtype) and Python's grad_fn names.
// With `like` a float32/float64 tensor, the number is stored in that dtype right away: TensorIterator would cast it
// to exactly that (the common dtype) with an extra copy op, so the result is the same, only cheaper.
inline at::Tensor wrapped(Scalar s) { return at::native::wrapped_scalar_tensor(to_scalar(s)); }
inline at::Tensor wrapped(Scalar s, const at::Tensor& like) {
  const auto t = like.scalar_type();
  if (s.kind == 2 || (t != at::kFloat && t != at::kDouble)) return wrapped(s);
  auto w = at::detail::scalar_tensor_static(to_scalar(s), t, at::kCPU);
  w.unsafeGetTensorImpl()->set_wrapped_number(true);
  return w;
}

inline at::Tensor* wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

inline c10::optional<at::Tensor> opt(const at::Tensor* t) {
  if (t == nullptr || !t->defined()) return c10::nullopt;
  return *t;
}

inline at::Tensor or_undefined(const at::Tensor* t) { return t == nullptr ? at::Tensor() : *t; }

inline at::IntArrayRef dims(const int64_t* d, int32_t n) { return at::IntArrayRef(d, static_cast<size_t>(n)); }

inline at::Device device(int32_t type, int32_t index) {
  return at::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)).device(device(device_type, device_index));
}

inline at::Tensor with_grad(at::Tensor t, bool requires_grad) {
  if (requires_grad) t.set_requires_grad(true);
  return t;
}

inline std::vector<at::Tensor> list(at::Tensor** items, int32_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) v.push_back(*items[i]);
  return v;
}

// Writes each tensor of `v` as an owned handle into out[0..v.size()) (capacity checked) and returns the count.
int32_t emit(const std::vector<at::Tensor>& v, at::Tensor** out, int32_t capacity);

}  // namespace pn

#define PN_CATCH(sentinel)                                                   \
  catch (const c10::Error& e) {                                              \
    pn::set_error(e.what_without_backtrace());                               \
    return sentinel;                                                         \
  }                                                                          \
  catch (const std::exception& e) {                                          \
    pn::set_error(e.what());                                                 \
    return sentinel;                                                         \
  }                                                                          \
  catch (...) {                                                              \
    pn::set_error("unknown native exception in the Panoptic libtorch shim"); \
    return sentinel;                                                         \
  }

// Body returning a new tensor handle (nullptr on error).
#define PN_TENSOR(expr)     \
  try {                     \
    return pn::wrap(expr);  \
  }                         \
  PN_CATCH(nullptr)

// Body of a status-returning export (0 ok, -1 error).
#define PN_STATUS(...) \
  try {                \
    __VA_ARGS__;       \
    return 0;          \
  }                    \
  PN_CATCH(-1)

// Unary tensor -> tensor export `pn_tensor_<name>` calling at::<name>.
#define PN_UNARY(name) \
  PN_API at::Tensor* pn_tensor_##name(const at::Tensor* a) { PN_TENSOR(at::name(*a)) }

// In-place unary export `pn_tensor_<name>_` calling a->name_().
#define PN_UNARY_INPLACE(name) \
  PN_API int32_t pn_tensor_##name##_(at::Tensor* a) { PN_STATUS(a->name##_()) }

// Binary exports `pn_tensor_<name>` (tensor, tensor) and `pn_tensor_<name>_scalar` (tensor, scalar).
#define PN_BINARY(name)                                                                                  \
  PN_API at::Tensor* pn_tensor_##name(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::name(*a, *b)) } \
  PN_API at::Tensor* pn_tensor_##name##_scalar(const at::Tensor* a, pn::Scalar b) {                      \
    PN_TENSOR(at::name(*a, pn::to_scalar(b)))                                                            \
  }

// Like PN_BINARY, but the scalar form passes the number as a wrapped-number tensor (as Python does).
#define PN_BINARY_WRAPPED(name)                                                                          \
  PN_API at::Tensor* pn_tensor_##name(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::name(*a, *b)) } \
  PN_API at::Tensor* pn_tensor_##name##_scalar(const at::Tensor* a, pn::Scalar b) {                      \
    PN_TENSOR(at::name(*a, pn::wrapped(b, *a)))                                                          \
  }

// In-place binary exports `pn_tensor_<name>_` and `pn_tensor_<name>_scalar_`.
#define PN_BINARY_INPLACE(name)                                                                       \
  PN_API int32_t pn_tensor_##name##_(at::Tensor* a, const at::Tensor* b) { PN_STATUS(a->name##_(*b)) } \
  PN_API int32_t pn_tensor_##name##_scalar_(at::Tensor* a, pn::Scalar b) { PN_STATUS(a->name##_(pn::to_scalar(b))) }

// Like PN_BINARY_INPLACE, but the scalar form passes a wrapped-number tensor.
#define PN_BINARY_INPLACE_WRAPPED(name)                                                               \
  PN_API int32_t pn_tensor_##name##_(at::Tensor* a, const at::Tensor* b) { PN_STATUS(a->name##_(*b)) } \
  PN_API int32_t pn_tensor_##name##_scalar_(at::Tensor* a, pn::Scalar b) { PN_STATUS(a->name##_(pn::wrapped(b, *a))) }
