#!/usr/bin/env python3
"""Peer of `panoptic benchmark ops`: the same cases on Debian's PyTorch, with the same thread count.

Keep the cases identical to Tools/Panoptic.Cli/Commands/Benchmarks/OpsCase.cs.

Standalone: `bench_ops.py --threads N` times every case (warm-up, then repetitions) and prints one JSON object:
{"torch", "threads", "blas", "cases": {name: median seconds}}.

Served (`--serve`, used by `panoptic benchmark ops` to interleave its repetitions with ours so that both sides see the
same machine load): prints the JSON header without "cases", then answers one line per command read from stdin:
  setup NAME WARMUP  -> builds the case, runs WARMUP untimed iterations, answers "ok"
  time NAME          -> runs one iteration, answers its wall time in seconds
  drop NAME          -> frees the case, answers "ok"
"""
import argparse
import gc
import json
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

CHAINS = 200  # chains per iteration of the chain case; each chain is 100 elementwise ops


def conv2d_case(quick):
    g = torch.Generator().manual_seed(0)
    h, w = (50, 76) if quick else (200, 304)
    x = torch.randn(1, 256, h, w, generator=g).requires_grad_()
    weight = (torch.randn(256, 256, 3, 3, generator=g) * 0.02).requires_grad_()
    bias = torch.zeros(256).requires_grad_()
    gy = torch.randn(1, 256, h, w, generator=g)

    def step():
        y = F.conv2d(x, weight, bias, padding=1)
        y.backward(gy)
        x.grad = weight.grad = bias.grad = None

    return step


def linear_case(quick):
    g = torch.Generator().manual_seed(0)
    rows = 64 if quick else 512
    x = torch.randn(rows, 12544, generator=g).requires_grad_()
    weight = (torch.randn(1024, 12544, generator=g) * 0.01).requires_grad_()
    bias = torch.zeros(1024).requires_grad_()
    gy = torch.randn(rows, 1024, generator=g)

    def step():
        y = F.linear(x, weight, bias)
        y.backward(gy)
        x.grad = weight.grad = bias.grad = None

    return step


def chain_case(quick):
    g = torch.Generator().manual_seed(0)
    x = torch.randn(1, 256, 7, 7, generator=g)
    a = torch.rand(1, 256, 7, 7, generator=g)
    b = torch.randn(1, 256, 7, 7, generator=g)

    def step():
        for _ in range(CHAINS):
            y = x
            for _ in range(20):  # 5 ops each
                y = y * a
                y = y + b
                y = y.relu()
                y = y - 0.5
                y = y * 0.9

    return step


# name -> (builder, warm-up iterations, timed iterations)
CASES = {"conv2d": (conv2d_case, 2, 7), "linear": (linear_case, 3, 15), "chain": (chain_case, 3, 11)}


def timed(step):
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def mapped_blas():
    found = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line[line.find("/"):].strip() if "/" in line else ""
            if "blas" in os.path.basename(path) and path not in found:
                found.append(path)
    return found


def serve(quick):
    steps = {}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "setup":
            steps[words[1]] = step = CASES[words[1]][0](quick)
            for _ in range(int(words[2])):
                step()
            print("ok", flush=True)
        elif words[0] == "time":
            print(repr(timed(steps[words[1]])), flush=True)
        elif words[0] == "drop":
            del steps[words[1]]
            gc.collect()
            print("ok", flush=True)
        else:
            print(f"error: unknown command {words[0]!r}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--quick", action="store_true", help="small shapes and few repetitions (smoke test)")
    parser.add_argument("--serve", action="store_true", help="answer setup/time/drop commands on stdin")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)  # before the first op: oneDNN keeps what it saw first
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    header = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": mapped_blas()}
    if args.serve:
        print(json.dumps(header), flush=True)
        serve(args.quick)
        return
    cases = {}
    for name, (make, warmup, reps) in CASES.items():
        if args.quick:
            warmup, reps = 1, 3
        step = make(args.quick)
        for _ in range(warmup):
            step()
        cases[name] = statistics.median(timed(step) for _ in range(reps))
    print(json.dumps({**header, "cases": cases}))


if __name__ == "__main__":
    main()
