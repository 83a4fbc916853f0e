// Shape and layout: views, permutations, joins and splits, slicing.
#include "pn_common.h"

PN_API at::Tensor* pn_tensor_view(const at::Tensor* a, const int64_t* s, int32_t n) { PN_TENSOR(a->view(pn::dims(s, n))) }
PN_API at::Tensor* pn_tensor_reshape(const at::Tensor* a, const int64_t* s, int32_t n) {
  PN_TENSOR(a->reshape(pn::dims(s, n)))
}
PN_API at::Tensor* pn_tensor_permute(const at::Tensor* a, const int64_t* s, int32_t n) {
  PN_TENSOR(a->permute(pn::dims(s, n)))
}
PN_API at::Tensor* pn_tensor_transpose(const at::Tensor* a, int64_t d0, int64_t d1) { PN_TENSOR(a->transpose(d0, d1)) }
PN_API at::Tensor* pn_tensor_flatten(const at::Tensor* a, int64_t start, int64_t end) { PN_TENSOR(a->flatten(start, end)) }
PN_API at::Tensor* pn_tensor_squeeze(const at::Tensor* a) { PN_TENSOR(a->squeeze()) }
PN_API at::Tensor* pn_tensor_squeeze_dim(const at::Tensor* a, int64_t d) { PN_TENSOR(a->squeeze(d)) }
PN_API at::Tensor* pn_tensor_unsqueeze(const at::Tensor* a, int64_t d) { PN_TENSOR(a->unsqueeze(d)) }
PN_API at::Tensor* pn_tensor_expand(const at::Tensor* a, const int64_t* s, int32_t n) { PN_TENSOR(a->expand(pn::dims(s, n))) }
PN_API at::Tensor* pn_tensor_repeat(const at::Tensor* a, const int64_t* s, int32_t n) { PN_TENSOR(a->repeat(pn::dims(s, n))) }
PN_API at::Tensor* pn_tensor_repeat_interleave(const at::Tensor* a, int64_t repeats, int64_t dim) {
  PN_TENSOR(a->repeat_interleave(repeats, dim))
}
PN_API at::Tensor* pn_tensor_flip(const at::Tensor* a, const int64_t* s, int32_t n) { PN_TENSOR(a->flip(pn::dims(s, n))) }
PN_API at::Tensor* pn_tensor_roll(const at::Tensor* a, int64_t shift, int64_t dim) { PN_TENSOR(a->roll(shift, dim)) }
PN_API at::Tensor* pn_tensor_contiguous(const at::Tensor* a) { PN_TENSOR(a->contiguous()) }
PN_API at::Tensor* pn_tensor_narrow(const at::Tensor* a, int64_t dim, int64_t start, int64_t length) {
  PN_TENSOR(a->narrow(dim, start, length))
}
PN_API at::Tensor* pn_tensor_slice(const at::Tensor* a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  PN_TENSOR(a->slice(dim, start, end, step))
}
PN_API at::Tensor* pn_tensor_select(const at::Tensor* a, int64_t dim, int64_t index) { PN_TENSOR(a->select(dim, index)) }
PN_API at::Tensor* pn_tensor_as_strided(const at::Tensor* a, const int64_t* size, const int64_t* stride, int32_t n,
                                        int64_t offset) {
  PN_TENSOR(a->as_strided(pn::dims(size, n), pn::dims(stride, n), offset))
}
PN_API at::Tensor* pn_tensor_cat(at::Tensor** items, int32_t n, int64_t dim) { PN_TENSOR(at::cat(pn::list(items, n), dim)) }
PN_API at::Tensor* pn_tensor_stack(at::Tensor** items, int32_t n, int64_t dim) {
  PN_TENSOR(at::stack(pn::list(items, n), dim))
}
PN_API int32_t pn_tensor_split(const at::Tensor* a, int64_t size, int64_t dim, at::Tensor** out, int32_t cap) {
  try {
    return pn::emit(a->split(size, dim), out, cap);
  }
  PN_CATCH(-1)
}
PN_API int32_t pn_tensor_split_sizes(const at::Tensor* a, const int64_t* sizes, int32_t n, int64_t dim, at::Tensor** out,
                                     int32_t cap) {
  try {
    return pn::emit(a->split_with_sizes(pn::dims(sizes, n), dim), out, cap);
  }
  PN_CATCH(-1)
}
PN_API int32_t pn_tensor_chunk(const at::Tensor* a, int64_t chunks, int64_t dim, at::Tensor** out, int32_t cap) {
  try {
    return pn::emit(a->chunk(chunks, dim), out, cap);
  }
  PN_CATCH(-1)
}
PN_API int32_t pn_tensor_unbind(const at::Tensor* a, int64_t dim, at::Tensor** out, int32_t cap) {
  try {
    return pn::emit(a->unbind(dim), out, cap);
  }
  PN_CATCH(-1)
}
PN_API int32_t pn_tensor_meshgrid_ij(at::Tensor** items, int32_t n, at::Tensor** out, int32_t cap) {
  try {
    return pn::emit(at::meshgrid(pn::list(items, n), "ij"), out, cap);
  }
  PN_CATCH(-1)
}
