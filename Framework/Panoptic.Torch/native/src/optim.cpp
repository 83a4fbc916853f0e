// Optimizer steps and gradient clipping over lists of parameters, with torch.optim's exact arithmetic.
// State (momentum buffers, Adam moments) is owned by the managed optimizer; a missing buffer is created here
// and handed back through the in/out array.
#include "pn_common.h"

// torch.optim.SGD (momentum, dampening, nesterov, weight decay, maximize) for one parameter group.
PN_API int32_t pn_optim_sgd_step(at::Tensor** params, at::Tensor** bufs, int32_t n, double lr, double momentum,
                                 double dampening, double weight_decay, int32_t nesterov, int32_t maximize) {
  try {
    at::NoGradGuard no_grad;
    for (int32_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      const at::Tensor& g = p.grad();
      if (!g.defined()) continue;
      at::Tensor d_p = maximize ? -g : g;
      if (weight_decay != 0) d_p = d_p.add(p, weight_decay);
      if (momentum != 0) {
        if (bufs[i] == nullptr) {
          bufs[i] = new at::Tensor(d_p.clone().detach());
        } else {
          bufs[i]->mul_(momentum).add_(d_p, 1 - dampening);
        }
        d_p = nesterov ? d_p.add(*bufs[i], momentum) : *bufs[i];
      }
      p.add_(d_p, -lr);
    }
    return 0;
  }
  PN_CATCH(-1)
}

// torch.optim.AdamW (decoupled weight decay, no amsgrad) for one parameter group. `steps[i]` is the step count
// of parameter i before this call; it is incremented here. Missing moments are created as zeros.
PN_API int32_t pn_optim_adamw_step(at::Tensor** params, at::Tensor** exp_avg, at::Tensor** exp_avg_sq, int64_t* steps,
                                   int32_t n, double lr, double beta1, double beta2, double eps, double weight_decay,
                                   int32_t maximize) {
  try {
    at::NoGradGuard no_grad;
    for (int32_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      const at::Tensor& g0 = p.grad();
      if (!g0.defined()) continue;
      at::Tensor g = maximize ? -g0 : g0;
      if (exp_avg[i] == nullptr) exp_avg[i] = new at::Tensor(at::zeros_like(p, at::MemoryFormat::Preserve));
      if (exp_avg_sq[i] == nullptr) exp_avg_sq[i] = new at::Tensor(at::zeros_like(p, at::MemoryFormat::Preserve));
      const double step = static_cast<double>(++steps[i]);
      p.mul_(1 - lr * weight_decay);
      exp_avg[i]->mul_(beta1).add_(g, 1 - beta1);
      exp_avg_sq[i]->mul_(beta2).addcmul_(g, g, 1 - beta2);
      const double bias_correction1 = 1 - std::pow(beta1, step);
      const double bias_correction2 = 1 - std::pow(beta2, step);
      const double step_size = lr / bias_correction1;
      const double bc2_sqrt = std::sqrt(bias_correction2);
      at::Tensor denom = (exp_avg_sq[i]->sqrt() / bc2_sqrt).add_(eps);
      p.addcdiv_(*exp_avg[i], denom, -step_size);
    }
    return 0;
  }
  PN_CATCH(-1)
}

// torch.nn.utils.clip_grad_norm_: scales gradients in place so that their total norm is at most max_norm.
// Writes the total norm (before clipping) to *total. norm_type <= 0 means infinity.
PN_API int32_t pn_clip_grad_norm(at::Tensor** params, int32_t n, double max_norm, double norm_type, double* total) {
  try {
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> grads;
    for (int32_t i = 0; i < n; ++i)
      if (params[i]->grad().defined()) grads.push_back(params[i]->grad());
    if (grads.empty()) {
      *total = 0;
      return 0;
    }
    const bool inf = norm_type <= 0;
    std::vector<at::Tensor> norms;
    norms.reserve(grads.size());
    for (auto& g : grads) norms.push_back(inf ? g.detach().abs().max() : at::norm(g.detach(), norm_type));
    at::Tensor total_norm = inf ? at::stack(norms).max() : at::norm(at::stack(norms), norm_type);
    // Python computes max_norm / (total_norm + 1e-6) as Tensor.__rtruediv__, i.e. reciprocal() * max_norm.
    at::Tensor coef = at::clamp((total_norm + 1e-6).reciprocal() * max_norm, c10::nullopt, 1.0);
    for (auto& g : grads) g.detach().mul_(coef.to(g.device()));
    *total = total_norm.item<double>();
    return 0;
  }
  PN_CATCH(-1)
}

// torch.nn.utils.clip_grad_value_.
PN_API int32_t pn_clip_grad_value(at::Tensor** params, int32_t n, double clip) {
  try {
    at::NoGradGuard no_grad;
    for (int32_t i = 0; i < n; ++i)
      if (params[i]->grad().defined()) params[i]->grad().clamp_(-clip, clip);
    return 0;
  }
  PN_CATCH(-1)
}
