// Reductions: sums, means, extrema with indices, top-k, sorting, logical reductions, cumulative sums, norms.
#include "pn_common.h"

namespace {
c10::optional<at::ScalarType> dtype_or_none(int32_t dtype) {
  if (dtype < 0) return c10::nullopt;
  return static_cast<at::ScalarType>(dtype);
}
}  // namespace

PN_API at::Tensor* pn_tensor_sum(const at::Tensor* a, int32_t dtype) { PN_TENSOR(at::sum(*a, dtype_or_none(dtype))) }
PN_API at::Tensor* pn_tensor_sum_dims(const at::Tensor* a, const int64_t* d, int32_t nd, int32_t keepdim, int32_t dtype) {
  PN_TENSOR(at::sum(*a, pn::dims(d, nd), keepdim != 0, dtype_or_none(dtype)))
}
PN_API at::Tensor* pn_tensor_mean(const at::Tensor* a) { PN_TENSOR(at::mean(*a)) }
PN_API at::Tensor* pn_tensor_mean_dims(const at::Tensor* a, const int64_t* d, int32_t nd, int32_t keepdim) {
  PN_TENSOR(at::mean(*a, pn::dims(d, nd), keepdim != 0))
}
PN_API at::Tensor* pn_tensor_prod(const at::Tensor* a) { PN_TENSOR(at::prod(*a)) }
PN_API at::Tensor* pn_tensor_var_dims(const at::Tensor* a, const int64_t* d, int32_t nd, int32_t unbiased, int32_t keepdim) {
  PN_TENSOR(at::var(*a, pn::dims(d, nd), unbiased != 0, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_std_dims(const at::Tensor* a, const int64_t* d, int32_t nd, int32_t unbiased, int32_t keepdim) {
  PN_TENSOR(at::std(*a, pn::dims(d, nd), unbiased != 0, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_norm(const at::Tensor* a, double p) { PN_TENSOR(at::norm(*a, p)) }
PN_API at::Tensor* pn_tensor_max(const at::Tensor* a) { PN_TENSOR(at::max(*a)) }
PN_API at::Tensor* pn_tensor_min(const at::Tensor* a) { PN_TENSOR(at::min(*a)) }

PN_API at::Tensor* pn_tensor_max_dim(const at::Tensor* a, int64_t dim, int32_t keepdim, at::Tensor** indices) {
  try {
    auto r = at::max(*a, dim, keepdim != 0);
    *indices = new at::Tensor(std::get<1>(r));
    return pn::wrap(std::get<0>(r));
  }
  PN_CATCH(nullptr)
}
PN_API at::Tensor* pn_tensor_min_dim(const at::Tensor* a, int64_t dim, int32_t keepdim, at::Tensor** indices) {
  try {
    auto r = at::min(*a, dim, keepdim != 0);
    *indices = new at::Tensor(std::get<1>(r));
    return pn::wrap(std::get<0>(r));
  }
  PN_CATCH(nullptr)
}
PN_API at::Tensor* pn_tensor_argmax(const at::Tensor* a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  PN_TENSOR(at::argmax(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_argmin(const at::Tensor* a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  PN_TENSOR(at::argmin(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_topk(const at::Tensor* a, int64_t k, int64_t dim, int32_t largest, int32_t sorted,
                                  at::Tensor** indices) {
  try {
    auto r = at::topk(*a, k, dim, largest != 0, sorted != 0);
    *indices = new at::Tensor(std::get<1>(r));
    return pn::wrap(std::get<0>(r));
  }
  PN_CATCH(nullptr)
}
PN_API at::Tensor* pn_tensor_sort(const at::Tensor* a, int64_t dim, int32_t descending, int32_t stable,
                                  at::Tensor** indices) {
  try {
    auto r = at::sort(*a, stable != 0, dim, descending != 0);
    *indices = new at::Tensor(std::get<1>(r));
    return pn::wrap(std::get<0>(r));
  }
  PN_CATCH(nullptr)
}
PN_API at::Tensor* pn_tensor_argsort(const at::Tensor* a, int64_t dim, int32_t descending, int32_t stable) {
  PN_TENSOR(std::get<1>(at::sort(*a, stable != 0, dim, descending != 0)))
}
PN_API at::Tensor* pn_tensor_any(const at::Tensor* a) { PN_TENSOR(at::any(*a)) }
PN_API at::Tensor* pn_tensor_all(const at::Tensor* a) { PN_TENSOR(at::all(*a)) }
PN_API at::Tensor* pn_tensor_any_dim(const at::Tensor* a, int64_t dim, int32_t keepdim) {
  PN_TENSOR(at::any(*a, dim, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_all_dim(const at::Tensor* a, int64_t dim, int32_t keepdim) {
  PN_TENSOR(at::all(*a, dim, keepdim != 0))
}
PN_API at::Tensor* pn_tensor_cumsum(const at::Tensor* a, int64_t dim, int32_t dtype) {
  PN_TENSOR(at::cumsum(*a, dim, dtype_or_none(dtype)))
}
PN_API at::Tensor* pn_tensor_count_nonzero(const at::Tensor* a) { PN_TENSOR(at::count_nonzero(*a)) }
PN_API at::Tensor* pn_tensor_unique(const at::Tensor* a, int32_t sorted) {
  PN_TENSOR(std::get<0>(at::_unique(*a, sorted != 0, false)))
}
