// Tensor creation: constant fills, ranges, random numbers with optional seedable generators.
#include "pn_common.h"

#include <ATen/CPUGeneratorImpl.h>

namespace {
c10::optional<at::Generator> gen(const at::Generator* g) {
  if (g == nullptr) return c10::nullopt;
  return *g;
}
}  // namespace

#define PN_SHAPE_ARGS const int64_t *shape, int32_t ndim, int32_t dtype, int32_t dev_type, int32_t dev_index, int32_t requires_grad
// at:: factories ignore requires_grad in TensorOptions (only torch:: ones honour it): set it on the result.
#define PN_OPTS pn::options(dtype, dev_type, dev_index)
#define PN_GRAD(expr) pn::with_grad(expr, requires_grad != 0)

PN_API at::Tensor* pn_zeros(PN_SHAPE_ARGS) { PN_TENSOR(PN_GRAD(at::zeros(pn::dims(shape, ndim), PN_OPTS))) }
PN_API at::Tensor* pn_ones(PN_SHAPE_ARGS) { PN_TENSOR(PN_GRAD(at::ones(pn::dims(shape, ndim), PN_OPTS))) }
PN_API at::Tensor* pn_empty(PN_SHAPE_ARGS) { PN_TENSOR(PN_GRAD(at::empty(pn::dims(shape, ndim), PN_OPTS))) }
PN_API at::Tensor* pn_full(PN_SHAPE_ARGS, pn::Scalar value) {
  PN_TENSOR(PN_GRAD(at::full(pn::dims(shape, ndim), pn::to_scalar(value), PN_OPTS)))
}

PN_API at::Tensor* pn_arange(pn::Scalar start, pn::Scalar end, pn::Scalar step, int32_t dtype, int32_t dev_type,
                             int32_t dev_index, int32_t requires_grad) {
  PN_TENSOR(PN_GRAD(at::arange(pn::to_scalar(start), pn::to_scalar(end), pn::to_scalar(step), PN_OPTS)))
}

PN_API at::Tensor* pn_linspace(double start, double end, int64_t steps, int32_t dtype, int32_t dev_type,
                               int32_t dev_index, int32_t requires_grad) {
  PN_TENSOR(PN_GRAD(at::linspace(start, end, steps, PN_OPTS)))
}

PN_API at::Tensor* pn_eye(int64_t n, int64_t m, int32_t dtype, int32_t dev_type, int32_t dev_index,
                          int32_t requires_grad) {
  PN_TENSOR(PN_GRAD(at::eye(n, m, PN_OPTS)))
}

PN_API at::Tensor* pn_zeros_like(const at::Tensor* t) { PN_TENSOR(at::zeros_like(*t)) }
PN_API at::Tensor* pn_ones_like(const at::Tensor* t) { PN_TENSOR(at::ones_like(*t)) }
PN_API at::Tensor* pn_empty_like(const at::Tensor* t) { PN_TENSOR(at::empty_like(*t)) }
PN_API at::Tensor* pn_full_like(const at::Tensor* t, pn::Scalar value) {
  PN_TENSOR(at::full_like(*t, pn::to_scalar(value)))
}

// ---- generators ----
PN_API at::Generator* pn_generator_new(uint64_t seed) {
  try {
    return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
  }
  PN_CATCH(nullptr)
}
PN_API void pn_generator_free(at::Generator* g) { delete g; }
PN_API int32_t pn_generator_set_seed(at::Generator* g, uint64_t seed) {
  PN_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed(seed))
}
// State of the generator (or the default CPU generator when g is null) as a uint8 tensor, and back.
PN_API at::Tensor* pn_generator_get_state(at::Generator* g) {
  try {
    at::Generator d = g == nullptr ? at::detail::getDefaultCPUGenerator() : *g;
    std::lock_guard<std::mutex> lock(d.mutex());
    return pn::wrap(d.get_state());
  }
  PN_CATCH(nullptr)
}
PN_API int32_t pn_generator_set_state(at::Generator* g, const at::Tensor* state) {
  try {
    at::Generator d = g == nullptr ? at::detail::getDefaultCPUGenerator() : *g;
    std::lock_guard<std::mutex> lock(d.mutex());
    d.set_state(*state);
    return 0;
  }
  PN_CATCH(-1)
}

// Random numbers are drawn on the CPU from `g` (or the global generator) and then moved, so a seed gives the
// same numbers on every device.
PN_API at::Tensor* pn_rand(PN_SHAPE_ARGS, const at::Generator* g) {
  PN_TENSOR(pn::with_grad(at::rand(pn::dims(shape, ndim), gen(g), pn::options(dtype, 0, -1)).to(PN_OPTS.device()), requires_grad != 0))
}
PN_API at::Tensor* pn_randn(PN_SHAPE_ARGS, const at::Generator* g) {
  PN_TENSOR(pn::with_grad(at::randn(pn::dims(shape, ndim), gen(g), pn::options(dtype, 0, -1)).to(PN_OPTS.device()), requires_grad != 0))
}
PN_API at::Tensor* pn_randint(int64_t low, int64_t high, PN_SHAPE_ARGS, const at::Generator* g) {
  PN_TENSOR(at::randint(low, high, pn::dims(shape, ndim), gen(g), pn::options(dtype, 0, -1)).to(PN_OPTS.device()))
}
PN_API at::Tensor* pn_randperm(int64_t n, int32_t dtype, int32_t dev_type, int32_t dev_index, const at::Generator* g) {
  PN_TENSOR(at::randperm(n, gen(g), pn::options(dtype, 0, -1)).to(pn::device(dev_type, dev_index)))
}

// In-place initialisers (used by nn.init); they do not record autograd history.
PN_API int32_t pn_tensor_uniform_(at::Tensor* t, double from, double to, const at::Generator* g) {
  PN_STATUS(at::NoGradGuard ng; t->uniform_(from, to, gen(g)))
}
PN_API int32_t pn_tensor_normal_(at::Tensor* t, double mean, double std, const at::Generator* g) {
  PN_STATUS(at::NoGradGuard ng; t->normal_(mean, std, gen(g)))
}
PN_API int32_t pn_tensor_bernoulli_(at::Tensor* t, double p, const at::Generator* g) {
  PN_STATUS(at::NoGradGuard ng; t->bernoulli_(p, gen(g)))
}
