// Elementwise arithmetic, comparisons, math functions and linear algebra.
#include "pn_common.h"

// ---- arithmetic (broadcasting) ----
PN_API at::Tensor* pn_tensor_add(const at::Tensor* a, const at::Tensor* b, pn::Scalar alpha) {
  PN_TENSOR(at::add(*a, *b, pn::to_scalar(alpha)))
}
PN_API at::Tensor* pn_tensor_add_scalar(const at::Tensor* a, pn::Scalar b) { PN_TENSOR(at::add(*a, pn::wrapped(b, *a))) }
PN_API at::Tensor* pn_tensor_sub(const at::Tensor* a, const at::Tensor* b, pn::Scalar alpha) {
  PN_TENSOR(at::sub(*a, *b, pn::to_scalar(alpha)))
}
PN_API at::Tensor* pn_tensor_sub_scalar(const at::Tensor* a, pn::Scalar b) { PN_TENSOR(at::sub(*a, pn::wrapped(b, *a))) }
// b - a (Python's `__rsub__`).
PN_API at::Tensor* pn_tensor_rsub_scalar(const at::Tensor* a, pn::Scalar b) { PN_TENSOR(at::rsub(*a, pn::wrapped(b, *a))) }
PN_BINARY_WRAPPED(mul)
PN_BINARY_WRAPPED(div)
PN_BINARY(pow)
PN_BINARY(remainder)
PN_BINARY(fmod)
PN_BINARY(eq)
PN_BINARY(ne)
PN_BINARY(lt)
PN_BINARY(le)
PN_BINARY(gt)
PN_BINARY(ge)
// b / a as Python's `__rtruediv__` computes it: reciprocal(a) * b.
PN_API at::Tensor* pn_tensor_rdiv_scalar(const at::Tensor* a, pn::Scalar b) {
  try {
    auto r = at::reciprocal(*a);
    return pn::wrap(at::mul(r, pn::wrapped(b, r)));
  }
  PN_CATCH(nullptr)
}
PN_API at::Tensor* pn_tensor_rpow_scalar(const at::Tensor* a, pn::Scalar b) { PN_TENSOR(at::pow(pn::to_scalar(b), *a)) }
PN_API at::Tensor* pn_tensor_floor_divide(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::div(*a, *b, "floor")) }
PN_API at::Tensor* pn_tensor_floor_divide_scalar(const at::Tensor* a, pn::Scalar b) {
  PN_TENSOR(at::div(*a, pn::wrapped(b), "floor"))
}
PN_API at::Tensor* pn_tensor_minimum(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::minimum(*a, *b)) }
PN_API at::Tensor* pn_tensor_maximum(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::maximum(*a, *b)) }
PN_API at::Tensor* pn_tensor_atan2(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::atan2(*a, *b)) }

PN_API at::Tensor* pn_tensor_logical_and(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::logical_and(*a, *b)) }
PN_API at::Tensor* pn_tensor_logical_or(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::logical_or(*a, *b)) }
PN_API at::Tensor* pn_tensor_logical_xor(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::logical_xor(*a, *b)) }
PN_API at::Tensor* pn_tensor_bitwise_and(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::bitwise_and(*a, *b)) }
PN_API at::Tensor* pn_tensor_bitwise_or(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::bitwise_or(*a, *b)) }
PN_API at::Tensor* pn_tensor_bitwise_xor(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::bitwise_xor(*a, *b)) }

// ---- in-place arithmetic ----
PN_API int32_t pn_tensor_add_(at::Tensor* a, const at::Tensor* b, pn::Scalar alpha) {
  PN_STATUS(a->add_(*b, pn::to_scalar(alpha)))
}
PN_API int32_t pn_tensor_add_scalar_(at::Tensor* a, pn::Scalar b) { PN_STATUS(a->add_(pn::wrapped(b, *a))) }
PN_API int32_t pn_tensor_sub_(at::Tensor* a, const at::Tensor* b, pn::Scalar alpha) {
  PN_STATUS(a->sub_(*b, pn::to_scalar(alpha)))
}
PN_API int32_t pn_tensor_sub_scalar_(at::Tensor* a, pn::Scalar b) { PN_STATUS(a->sub_(pn::wrapped(b, *a))) }
PN_BINARY_INPLACE_WRAPPED(mul)
PN_BINARY_INPLACE_WRAPPED(div)
PN_BINARY_INPLACE(pow)
PN_API int32_t pn_tensor_copy_(at::Tensor* a, const at::Tensor* src) { PN_STATUS(a->copy_(*src)) }
PN_API int32_t pn_tensor_fill_(at::Tensor* a, pn::Scalar v) { PN_STATUS(a->fill_(pn::to_scalar(v))) }
PN_API int32_t pn_tensor_addcmul_(at::Tensor* a, const at::Tensor* b, const at::Tensor* c, pn::Scalar v) {
  PN_STATUS(a->addcmul_(*b, *c, pn::to_scalar(v)))
}
PN_API int32_t pn_tensor_addcdiv_(at::Tensor* a, const at::Tensor* b, const at::Tensor* c, pn::Scalar v) {
  PN_STATUS(a->addcdiv_(*b, *c, pn::to_scalar(v)))
}
// Bounds are pn::Scalars so that clamping an integer tensor with integer bounds stays integral (as in Python).
PN_API int32_t pn_tensor_clamp_(at::Tensor* a, pn::Scalar lo, pn::Scalar hi, int32_t has_lo, int32_t has_hi) {
  PN_STATUS(a->clamp_(has_lo ? c10::optional<at::Scalar>(pn::to_scalar(lo)) : c10::nullopt,
                      has_hi ? c10::optional<at::Scalar>(pn::to_scalar(hi)) : c10::nullopt))
}
PN_UNARY_INPLACE(zero)
PN_UNARY_INPLACE(relu)
PN_UNARY_INPLACE(sigmoid)
PN_UNARY_INPLACE(neg)
PN_UNARY_INPLACE(exp)
PN_UNARY_INPLACE(sqrt)

// ---- unary math ----
PN_UNARY(neg)
PN_UNARY(exp)
PN_UNARY(log)
PN_UNARY(log2)
PN_UNARY(log1p)
PN_UNARY(sqrt)
PN_UNARY(rsqrt)
PN_UNARY(abs)
PN_UNARY(sign)
PN_UNARY(sigmoid)
PN_UNARY(relu)
PN_UNARY(tanh)
PN_UNARY(sin)
PN_UNARY(cos)
PN_UNARY(floor)
PN_UNARY(ceil)
PN_UNARY(round)
PN_UNARY(trunc)
PN_UNARY(reciprocal)
PN_UNARY(square)
PN_UNARY(logical_not)
PN_UNARY(bitwise_not)
PN_UNARY(isnan)
PN_UNARY(isinf)
PN_UNARY(isfinite)

PN_API at::Tensor* pn_tensor_clamp(const at::Tensor* a, pn::Scalar lo, pn::Scalar hi, int32_t has_lo, int32_t has_hi) {
  PN_TENSOR(at::clamp(*a, has_lo ? c10::optional<at::Scalar>(pn::to_scalar(lo)) : c10::nullopt,
                      has_hi ? c10::optional<at::Scalar>(pn::to_scalar(hi)) : c10::nullopt))
}
PN_API at::Tensor* pn_tensor_clamp_tensor(const at::Tensor* a, const at::Tensor* lo, const at::Tensor* hi) {
  PN_TENSOR(at::clamp(*a, pn::opt(lo), pn::opt(hi)))
}
PN_API at::Tensor* pn_tensor_softmax(const at::Tensor* a, int64_t dim) { PN_TENSOR(at::softmax(*a, dim)) }
PN_API at::Tensor* pn_tensor_log_softmax(const at::Tensor* a, int64_t dim) { PN_TENSOR(at::log_softmax(*a, dim)) }
PN_API at::Tensor* pn_tensor_lerp(const at::Tensor* a, const at::Tensor* b, pn::Scalar w) {
  PN_TENSOR(at::lerp(*a, *b, pn::to_scalar(w)))
}

// ---- linear algebra ----
PN_API at::Tensor* pn_tensor_matmul(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::matmul(*a, *b)) }
PN_API at::Tensor* pn_tensor_mm(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::mm(*a, *b)) }
PN_API at::Tensor* pn_tensor_bmm(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::bmm(*a, *b)) }
PN_API at::Tensor* pn_tensor_outer(const at::Tensor* a, const at::Tensor* b) { PN_TENSOR(at::outer(*a, *b)) }

// ---- conversions ----
PN_API at::Tensor* pn_tensor_to(const at::Tensor* a, int32_t dtype, int32_t dev_type, int32_t dev_index,
                                int32_t non_blocking, int32_t copy) {
  PN_TENSOR(a->to(pn::device(dev_type, dev_index), static_cast<at::ScalarType>(dtype), non_blocking != 0, copy != 0))
}
PN_API at::Tensor* pn_tensor_to_dtype(const at::Tensor* a, int32_t dtype) {
  PN_TENSOR(a->to(static_cast<at::ScalarType>(dtype)))
}
PN_API at::Tensor* pn_tensor_clone(const at::Tensor* a) { PN_TENSOR(a->clone()) }
