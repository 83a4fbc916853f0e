"""Reference for the Mask R-CNN parity tests: torchvision's maskrcnn_resnet50_fpn with random weights.

Usage: torchvision_maskrcnn.py PEERS_DIR OUT_DIR MIN_SIZE MAX_SIZE
PEERS_DIR is the repository's Tools/peers (random_maskrcnn.py: the model recipe shared with `panoptic benchmark model`).
Writes OUT_DIR/model.pth (the state dict) and OUT_DIR/reference.pth (an OrderedDict of tensors): the two uint8 RGB
input images, the preprocessed batch, backbone features, RPN proposals, pooled box features of the first proposals,
and the final detections (boxes, scores, labels, masks thresholded at 0.5) at the original image sizes.
Threads: PANOPTIC_REFERENCE_THREADS.
"""
import os
import sys
from collections import OrderedDict

import torch

sys.path.insert(0, sys.argv[1])
from random_maskrcnn import random_maskrcnn, smooth_image  # noqa: E402

torch.set_num_threads(int(os.environ.get("PANOPTIC_REFERENCE_THREADS", "1")))
out_dir, min_size, max_size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
SIZES = [(320, 416), (256, 352)]
POOLED_PER_IMAGE = 64

generator = torch.Generator().manual_seed(1)
images = [smooth_image(generator, h, w) for h, w in SIZES]
inputs = [i.float() / 255 for i in images]
model = random_maskrcnn(inputs, min_size, max_size)

with torch.no_grad():
    torch.save(model.state_dict(), os.path.join(out_dir, "model.pth"))
    reference = OrderedDict()
    for i, img in enumerate(images):
        reference[f"image.{i}"] = img
    batch, _ = model.transform(inputs)
    reference["batch"] = batch.tensors
    reference["image_sizes"] = torch.tensor(batch.image_sizes, dtype=torch.int64)
    features = model.backbone(batch.tensors)
    for name, level in zip(["p2", "p3", "p4", "p5", "p6"], features.values()):
        reference[f"features.{name}"] = level
    proposals, _ = model.rpn(batch, features)
    for i, p in enumerate(proposals):
        reference[f"proposals.{i}"] = p
    first = [p[:POOLED_PER_IMAGE] for p in proposals]
    reference["box_features"] = model.roi_heads.box_roi_pool(features, first, batch.image_sizes)
    detections = model(inputs)
    for i, d in enumerate(detections):
        reference[f"boxes.{i}"] = d["boxes"]
        reference[f"scores.{i}"] = d["scores"]
        reference[f"labels.{i}"] = d["labels"]
        reference[f"masks.{i}"] = (d["masks"][:, 0] >= 0.5).to(torch.uint8)
    torch.save(reference, os.path.join(out_dir, "reference.pth"))
print("ok")
