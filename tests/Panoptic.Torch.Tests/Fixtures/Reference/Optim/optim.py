# Reference values for Optim/*Tests.cs: 5 steps of each optimizer on a fixed tiny problem, in float32 and float64.
# Problem: p1 = wave(3, 4), p2 = randn(40, 5); loss = sum(tanh(p1) * c1) + sum(p2^3 * c2), c1 = randn(41, 3, 4), c2 = randn(42, 5).
import torch.optim as optim


def problem(dtype):
    p1 = wave(3, 4, dtype=dtype).requires_grad_()
    p2 = randn(40, 5, dtype=dtype).requires_grad_()
    c1, c2 = randn(41, 3, 4, dtype=dtype), randn(42, 5, dtype=dtype)
    return p1, p2, lambda: (p1.tanh() * c1).sum() + (p2 * p2 * p2 * c2).sum()


def run(name, make, dtype):
    p1, p2, loss_fn = problem(dtype)
    opt = make(p1, p2)
    for _ in range(5):
        opt.zero_grad(set_to_none=True)
        loss_fn().backward()
        opt.step()
    emit(f"{name}_{str(dtype)[6:]}_p1", p1)
    emit(f"{name}_{str(dtype)[6:]}_p2", p2)


configs = {
    "sgd_plain": lambda a, b: optim.SGD([a, b], lr=0.1),
    "sgd_nesterov": lambda a, b: optim.SGD([a, b], lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-2),
    "sgd_dampening": lambda a, b: optim.SGD([a, b], lr=0.1, momentum=0.8, dampening=0.3, weight_decay=0.05),
    "sgd_groups": lambda a, b: optim.SGD([{"params": [a], "lr": 0.05, "weight_decay": 0.1}, {"params": [b]}], lr=0.2, momentum=0.9),
    "adamw": lambda a, b: optim.AdamW([a, b], lr=1e-2, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.1),
    "adamw_groups": lambda a, b: optim.AdamW([{"params": [a], "weight_decay": 0.0}, {"params": [b], "lr": 0.05}], lr=1e-2),
}
for name, make in configs.items():
    for dtype in (torch.float32, torch.float64):
        run(name, make, dtype)

# gradient-norm clipping
for dtype in (torch.float32, torch.float64):
    for norm_type, max_norm in ((2.0, 0.5), (1.0, 0.5), (float("inf"), 0.5), (2.0, 1000.0)):
        p1, p2, loss_fn = problem(dtype)
        loss_fn().backward()
        total = torch.nn.utils.clip_grad_norm_([p1, p2], max_norm, norm_type=norm_type)
        key = f"clip_{str(dtype)[6:]}_{norm_type}_{max_norm}"
        emit(key + "_total", total)
        emit(key + "_g1", p1.grad)
        emit(key + "_g2", p2.grad)
    p1, p2, loss_fn = problem(dtype)
    loss_fn().backward()
    torch.nn.utils.clip_grad_value_([p1, p2], 0.3)
    emit(f"clipv_{str(dtype)[6:]}_g1", p1.grad)
    emit(f"clipv_{str(dtype)[6:]}_g2", p2.grad)
finish()
