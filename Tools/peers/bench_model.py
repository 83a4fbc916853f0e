#!/usr/bin/env python3
"""Peer of `panoptic benchmark model`: torchvision's maskrcnn_resnet50_fpn on Debian's PyTorch, same thread count.

`bench_model.py --serve --threads N --out DIR [--quick]` prepares the shared inputs in DIR and answers commands:
  DIR/model.pth        the weights both sides use (random_maskrcnn.py: random, batch norms calibrated then frozen,
                       sharper logits, so the image yields the full 100 detections through the mask head)
  DIR/infer.png        the inference image (800x1216, uint8 RGB; --quick: 320x480)
  DIR/train.pth        the training batch: image.0, image.1 (uint8 RGB 512x512; --quick: 256x256) and per image
                       boxes.i (x0, y0, x1, y1), labels.i (torchvision labels), masks.i (uint8)
It prints one JSON header line {"torch", "threads", "blas", "detections"} and then, per stdin line:
  time infer  -> one inference of infer.png (no grad), answers its wall time in seconds
  time train  -> one training step (losses, backward, SGD step) on the training batch, answers seconds
"""
import argparse
import json
import os
import sys
import time
from collections import OrderedDict

import torch
import torchvision.io
from torchvision.models.detection import maskrcnn_resnet50_fpn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from random_maskrcnn import freeze_batch_norms, random_maskrcnn, smooth_image  # noqa: E402


def mapped_blas():
    found = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line[line.find("/"):].strip() if "/" in line else ""
            if "blas" in os.path.basename(path) and path not in found:
                found.append(path)
    return found


def training_batch(generator, size):
    batch = OrderedDict()
    for i in range(2):
        batch[f"image.{i}"] = smooth_image(generator, size, size)
        corners = torch.rand(4, 2, generator=generator) * size * 0.6
        sides = torch.rand(4, 2, generator=generator) * size * 0.3 + size * 0.05
        boxes = torch.cat([corners, corners + sides], 1).floor()
        masks = torch.zeros(4, size, size, dtype=torch.uint8)
        for k, (x0, y0, x1, y1) in enumerate(boxes.long().tolist()):
            masks[k, y0:y1, x0:x1] = 1
        batch[f"boxes.{i}"], batch[f"labels.{i}"], batch[f"masks.{i}"] = boxes, torch.tensor([1, 3, 18, 44]), masks
    return batch


def timed(step):
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--out", required=True)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    (height, width), train_size, (min_size, max_size) = ((320, 480), 256, (320, 480)) if args.quick else ((800, 1216), 512, (800, 1333))

    generator = torch.Generator().manual_seed(1)
    picture = smooth_image(generator, height, width)
    model = random_maskrcnn([picture.float() / 255], min_size, max_size)
    state = model.state_dict()
    torch.save(state, os.path.join(args.out, "model.pth"))
    torchvision.io.write_png(picture, os.path.join(args.out, "infer.png"))
    train = training_batch(generator, train_size)
    torch.save(train, os.path.join(args.out, "train.pth"))

    trainer = maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, min_size=train_size, max_size=train_size)
    freeze_batch_norms(trainer.backbone.body)
    trainer.load_state_dict(state)
    for name, parameter in trainer.backbone.body.named_parameters():
        if name.startswith("conv1.") or name.startswith("layer1."):
            parameter.requires_grad_(False)  # freeze_at 2, as torchvision does with trainable_backbone_layers=3
    trainer.train()
    optimizer = torch.optim.SGD([p for p in trainer.parameters() if p.requires_grad], lr=1e-5, momentum=0.9)
    images = [train[f"image.{i}"].float() / 255 for i in range(2)]
    targets = [{"boxes": train[f"boxes.{i}"], "labels": train[f"labels.{i}"], "masks": train[f"masks.{i}"]} for i in range(2)]

    inputs = [picture.float() / 255]

    def infer():
        with torch.no_grad():
            return model(inputs)

    def step():
        losses = trainer(images, targets)
        optimizer.zero_grad()
        sum(losses.values()).backward()
        optimizer.step()

    detections = len(infer()[0]["scores"])
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": mapped_blas(), "detections": detections}), flush=True)
    steps = {"infer": infer, "train": step}
    for line in sys.stdin:
        words = line.split()
        if len(words) == 2 and words[0] == "time" and words[1] in steps:
            print(repr(timed(steps[words[1]])), flush=True)
        elif words:
            print(f"error: unknown command {line.strip()!r}", flush=True)


if __name__ == "__main__":
    main()
