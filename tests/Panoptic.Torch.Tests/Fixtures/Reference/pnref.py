# Helpers prepended to every reference script of the binding tests (Support/Reference.cs).
# Inputs are built exactly as the C# tests build them (Support/Inputs.cs); outputs are printed as one JSON object
# {name: {"shape": [...], "dtype": "float32", "data": [...]}} with float64-exact numbers ("nan"/"inf" as strings).
import json
import math
import sys

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
_out = {}


def _enc(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def emit(name, value):
    """Records a tensor, a number, a list of numbers or a list of strings under `name`."""
    if name in _out:
        raise KeyError(f"reference value {name!r} emitted twice")
    if isinstance(value, torch.Tensor):
        t = value.detach().cpu()
        if t.dtype.is_floating_point:
            flat = t.double().flatten().tolist()
        elif t.dtype == torch.bool:
            flat = [int(v) for v in t.flatten().tolist()]
        else:
            flat = t.flatten().tolist()
        _out[name] = {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "data": [_enc(v) for v in flat]}
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        _out[name] = {"shape": [len(value)], "dtype": "str", "items": list(value)}
    elif isinstance(value, (list, tuple)):
        _out[name] = {"shape": [len(value)], "dtype": "number", "data": [_enc(v) for v in value]}
    elif isinstance(value, str):
        _out[name] = {"shape": [], "dtype": "str", "items": [value]}
    else:
        _out[name] = {"shape": [], "dtype": "number", "data": [_enc(value)]}


def gen(seed):
    return torch.Generator().manual_seed(seed)


def randn(seed, *shape, dtype=torch.float64):
    """Inputs.Randn(seed, shape) in C#: standard normal from a fresh generator seeded with `seed`."""
    return torch.randn(*shape, generator=gen(seed), dtype=dtype)


def rand(seed, *shape, dtype=torch.float64):
    """Inputs.Rand(seed, shape): uniform [0, 1) from a fresh generator."""
    return torch.rand(*shape, generator=gen(seed), dtype=dtype)


def wave(*shape, dtype=torch.float64):
    """Inputs.Wave(shape): sin(0, 1, 2, ...) in float64, then converted."""
    n = 1
    for s in shape:
        n *= s
    return torch.arange(n, dtype=torch.float64).sin().reshape(*shape).to(dtype)


def finish():
    json.dump(_out, sys.stdout)
