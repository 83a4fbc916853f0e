// Indexing: gather/scatter, masks, nonzero/where, and Python-style multi-dimensional indexing.
#include "pn_common.h"

#include <ATen/TensorIndexing.h>

PN_API at::Tensor* pn_tensor_index_select(const at::Tensor* a, int64_t dim, const at::Tensor* idx) {
  PN_TENSOR(a->index_select(dim, *idx))
}
PN_API at::Tensor* pn_tensor_gather(const at::Tensor* a, int64_t dim, const at::Tensor* idx) {
  PN_TENSOR(a->gather(dim, *idx))
}
PN_API at::Tensor* pn_tensor_scatter(const at::Tensor* a, int64_t dim, const at::Tensor* idx, const at::Tensor* src) {
  PN_TENSOR(a->scatter(dim, *idx, *src))
}
PN_API at::Tensor* pn_tensor_scatter_value(const at::Tensor* a, int64_t dim, const at::Tensor* idx, pn::Scalar v) {
  PN_TENSOR(a->scatter(dim, *idx, pn::to_scalar(v)))
}
PN_API at::Tensor* pn_tensor_scatter_add(const at::Tensor* a, int64_t dim, const at::Tensor* idx, const at::Tensor* src) {
  PN_TENSOR(a->scatter_add(dim, *idx, *src))
}
PN_API at::Tensor* pn_tensor_index_add(const at::Tensor* a, int64_t dim, const at::Tensor* idx, const at::Tensor* src) {
  PN_TENSOR(a->index_add(dim, *idx, *src))
}
PN_API at::Tensor* pn_tensor_masked_select(const at::Tensor* a, const at::Tensor* mask) { PN_TENSOR(a->masked_select(*mask)) }
PN_API at::Tensor* pn_tensor_masked_fill(const at::Tensor* a, const at::Tensor* mask, pn::Scalar v) {
  PN_TENSOR(a->masked_fill(*mask, pn::to_scalar(v)))
}
PN_API at::Tensor* pn_tensor_masked_fill_tensor(const at::Tensor* a, const at::Tensor* mask, const at::Tensor* v) {
  PN_TENSOR(a->masked_fill(*mask, *v))
}
PN_API int32_t pn_tensor_masked_fill_(at::Tensor* a, const at::Tensor* mask, pn::Scalar v) {
  PN_STATUS(a->masked_fill_(*mask, pn::to_scalar(v)))
}
PN_API at::Tensor* pn_tensor_nonzero(const at::Tensor* a) { PN_TENSOR(a->nonzero()) }
PN_API at::Tensor* pn_tensor_where(const at::Tensor* cond, const at::Tensor* a, const at::Tensor* b) {
  PN_TENSOR(at::where(*cond, *a, *b))
}
PN_API at::Tensor* pn_tensor_where_scalar(const at::Tensor* cond, const at::Tensor* a, pn::Scalar b) {
  PN_TENSOR(at::where(*cond, *a, pn::to_scalar(b)))
}

namespace {
// Index kinds as the managed TensorIndex encodes them.
enum Kind : int32_t { kNone = 0, kEllipsis = 1, kInteger = 2, kSlice = 3, kTensor = 4, kBool = 5 };

std::vector<at::indexing::TensorIndex> indices(const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                                               const int64_t* steps, const int32_t* has, at::Tensor** tensors,
                                               int32_t n) {
  using namespace at::indexing;
  std::vector<TensorIndex> v;
  v.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) {
    switch (kinds[i]) {
      case kNone: v.emplace_back(None); break;
      case kEllipsis: v.emplace_back(Ellipsis); break;
      case kInteger: v.emplace_back(starts[i]); break;
      case kBool: v.emplace_back(starts[i] != 0); break;
      case kTensor: v.emplace_back(*tensors[i]); break;
      case kSlice: {
        // `has` bit 0: start given, bit 1: stop given, bit 2: step given.
        v.emplace_back(Slice((has[i] & 1) ? c10::optional<int64_t>(starts[i]) : c10::nullopt,
                             (has[i] & 2) ? c10::optional<int64_t>(stops[i]) : c10::nullopt,
                             (has[i] & 4) ? c10::optional<int64_t>(steps[i]) : c10::nullopt));
        break;
      }
      default: throw std::invalid_argument("unknown index kind " + std::to_string(kinds[i]));
    }
  }
  return v;
}
}  // namespace

PN_API at::Tensor* pn_tensor_index(const at::Tensor* a, const int32_t* kinds, const int64_t* starts,
                                   const int64_t* stops, const int64_t* steps, const int32_t* has,
                                   at::Tensor** tensors, int32_t n) {
  PN_TENSOR(a->index(indices(kinds, starts, stops, steps, has, tensors, n)))
}

PN_API int32_t pn_tensor_index_put_(at::Tensor* a, const int32_t* kinds, const int64_t* starts, const int64_t* stops,
                                    const int64_t* steps, const int32_t* has, at::Tensor** tensors, int32_t n,
                                    const at::Tensor* value) {
  PN_STATUS(a->index_put_(indices(kinds, starts, stops, steps, has, tensors, n), *value))
}

PN_API int32_t pn_tensor_index_put_scalar_(at::Tensor* a, const int32_t* kinds, const int64_t* starts,
                                           const int64_t* stops, const int64_t* steps, const int32_t* has,
                                           at::Tensor** tensors, int32_t n, pn::Scalar value) {
  PN_STATUS(a->index_put_(indices(kinds, starts, stops, steps, has, tensors, n), pn::to_scalar(value)))
}

// index_put_ with a list of index tensors and accumulation (torch.Tensor.index_put_(indices, values, accumulate)).
PN_API int32_t pn_tensor_index_put_tensors_(at::Tensor* a, at::Tensor** idx, int32_t n, const at::Tensor* values,
                                            int32_t accumulate) {
  try {
    c10::List<c10::optional<at::Tensor>> list;
    for (int32_t i = 0; i < n; ++i) list.push_back(*idx[i]);
    a->index_put_(list, *values, accumulate != 0);
    return 0;
  }
  PN_CATCH(-1)
}
