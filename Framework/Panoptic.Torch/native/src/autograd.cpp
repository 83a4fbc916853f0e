// Autograd: gradients, graph control, and an example of a custom autograd function hosted in the shim.
#include "pn_common.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>

PN_API int32_t pn_tensor_requires_grad(const at::Tensor* t) { return t->requires_grad() ? 1 : 0; }
PN_API int32_t pn_tensor_set_requires_grad(at::Tensor* t, int32_t v) { PN_STATUS(t->set_requires_grad(v != 0)) }
PN_API int32_t pn_tensor_is_leaf(const at::Tensor* t) { return t->is_leaf() ? 1 : 0; }
PN_API at::Tensor* pn_tensor_detach(const at::Tensor* t) { PN_TENSOR(t->detach()) }
PN_API int32_t pn_tensor_retain_grad(at::Tensor* t) { PN_STATUS(t->retain_grad()) }

// Writes the .grad handle to *out (nullptr when no gradient is set). Returns -1 on error.
PN_API int32_t pn_tensor_grad(const at::Tensor* t, at::Tensor** out) {
  try {
    const auto& g = t->grad();
    *out = g.defined() ? new at::Tensor(g) : nullptr;
    return 0;
  }
  PN_CATCH(-1)
}

// Sets .grad (nullptr clears it), with the checks of Python's `param.grad = g` (C++'s mutable_grad() has none, and a
// gradient of the wrong shape would only fail later, inside an optimizer step or the next backward).
PN_API int32_t pn_tensor_set_grad(at::Tensor* t, const at::Tensor* g) {
  try {
    if (g != nullptr && g->defined()) {
      TORCH_CHECK(g->scalar_type() == t->scalar_type(), "assigned grad has data of a different type (", g->scalar_type(),
                  " for a ", t->scalar_type(), " tensor)");
      TORCH_CHECK(g->device() == t->device(), "assigned grad has data located on a different device (", g->device(),
                  " for a tensor on ", t->device(), ")");
      TORCH_CHECK(g->sizes() == t->sizes(), "assigned grad has data of a different size (", g->sizes(), " for a tensor of ",
                  t->sizes(), ")");
    }
    t->mutable_grad() = g == nullptr ? at::Tensor() : *g;
    return 0;
  }
  PN_CATCH(-1)
}

PN_API int32_t pn_tensor_backward(const at::Tensor* t, const at::Tensor* grad, int32_t retain_graph,
                                  int32_t create_graph) {
  PN_STATUS(t->backward(pn::or_undefined(grad), retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt,
                        create_graph != 0))
}

// torch.autograd.grad(outputs, inputs, grad_outputs): writes one handle per input (nullptr for unused inputs).
PN_API int32_t pn_autograd_grad(at::Tensor** outputs, int32_t n_out, at::Tensor** inputs, int32_t n_in,
                                at::Tensor** grad_outputs, int32_t retain_graph, int32_t create_graph,
                                int32_t allow_unused, at::Tensor** result) {
  try {
    std::vector<at::Tensor> gouts;
    if (grad_outputs != nullptr) gouts = pn::list(grad_outputs, n_out);
    auto grads = torch::autograd::grad(pn::list(outputs, n_out), pn::list(inputs, n_in), gouts,
                                       retain_graph != 0 ? c10::optional<bool>(true) : c10::nullopt,
                                       create_graph != 0, allow_unused != 0);
    for (int32_t i = 0; i < n_in; ++i) result[i] = grads[i].defined() ? new at::Tensor(grads[i]) : nullptr;
    return 0;
  }
  PN_CATCH(-1)
}

PN_API const char* pn_tensor_grad_fn_name(const at::Tensor* t) {
  static thread_local std::string s;
  try {
    auto fn = t->grad_fn();
    s = fn ? fn->name() : "";
    return s.c_str();
  }
  PN_CATCH(nullptr)
}

namespace {
// Example custom autograd function: y = x * x * scale with an analytic backward. RoIAlign and the other
// native kernels follow this pattern (forward in ATen/C++, backward in a torch::autograd::Function).
struct ScaledSquare : public torch::autograd::Function<ScaledSquare> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& x, double scale) {
    ctx->save_for_backward({x});
    ctx->saved_data["scale"] = scale;
    return x * x * scale;
  }
  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grads) {
    auto x = ctx->get_saved_variables()[0];
    double scale = ctx->saved_data["scale"].toDouble();
    return {grads[0] * 2.0 * scale * x, at::Tensor()};
  }
};
}  // namespace

PN_API at::Tensor* pn_autograd_scaled_square(const at::Tensor* x, double scale) {
  PN_TENSOR(ScaledSquare::apply(*x, scale))
}
