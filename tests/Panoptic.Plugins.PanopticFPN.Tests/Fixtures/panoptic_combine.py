# Reference for HeuristicFusion: detectron2's combine_semantic_and_instance_outputs (modeling/meta_arch/panoptic_fpn.py)
# written out from its semantics. For each case: 20 random instances (rectangles and ellipses, distinct scores) and a
# blocky random semantic map on 64x80, fused with the thresholds given; writes inputs, the id map and the segments.
# Usage: panoptic_combine.py OUT.pth CASES OVERLAP STUFF_AREA_LIMIT SCORE_THRESH
import os, sys
from collections import OrderedDict
import torch
from torch.nn import functional as F

torch.set_num_threads(int(os.environ.get("PANOPTIC_REFERENCE_THREADS", "1")))


def combine(masks, scores, classes, semantic, overlap_threshold, stuff_area_limit, score_threshold):
    panoptic = torch.zeros_like(semantic, dtype=torch.int32)
    segments, next_id = [], 0
    for index in torch.argsort(-scores).tolist():
        score = scores[index].item()
        if score < score_threshold:
            break
        mask = masks[index]
        area = mask.sum().item()
        if area == 0:
            continue
        overlap = (mask & (panoptic > 0)).sum().item()
        if overlap * 1.0 / area > overlap_threshold:
            continue
        mask = mask & (panoptic == 0)
        next_id += 1
        panoptic[mask] = next_id
        segments.append([next_id, classes[index].item(), 1, index, mask.sum().item()])
    for label in torch.unique(semantic).tolist():
        if label == 0:  # the "things" class
            continue
        mask = (semantic == label) & (panoptic == 0)
        area = mask.sum().item()
        if area < stuff_area_limit:
            continue
        next_id += 1
        panoptic[mask] = next_id
        segments.append([next_id, label, 0, -1, area])
    return panoptic, segments


def random_masks(generator, count, height, width):
    ys = torch.arange(height).view(-1, 1).float()
    xs = torch.arange(width).view(1, -1).float()
    masks = []
    for _ in range(count):
        cy, cx = torch.rand(2, generator=generator) * torch.tensor([height, width])
        ry, rx = 2 + torch.rand(2, generator=generator) * torch.tensor([height / 3, width / 3])
        if torch.rand(1, generator=generator).item() < 0.5:
            mask = ((ys - cy).abs() <= ry) & ((xs - cx).abs() <= rx)
        else:
            mask = ((ys - cy) / ry) ** 2 + ((xs - cx) / rx) ** 2 <= 1
        masks.append(mask)
    masks[3] = torch.zeros(height, width, dtype=torch.bool)  # an empty mask
    return torch.stack(masks)


out = OrderedDict()
path, cases = sys.argv[1], int(sys.argv[2])
overlap, stuff_limit, score_threshold = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
height, width, count, stuff_classes = 64, 80, 20, 5
for case in range(cases):
    generator = torch.Generator().manual_seed(100 + case)
    masks = random_masks(generator, count, height, width)
    scores = torch.randperm(1000, generator=generator)[:count].float() / 1000  # distinct: argsort order is unambiguous
    classes = torch.randint(0, 8, (count,), generator=generator)
    coarse = torch.randint(0, stuff_classes + 1, (1, 1, 4, 5), generator=generator).float()
    semantic = F.interpolate(coarse, size=(height, width), mode="nearest")[0, 0].long()
    panoptic, segments = combine(masks, scores, classes, semantic, overlap, stuff_limit, score_threshold)
    prefix = f"case{case}."
    out[prefix + "masks"] = masks
    out[prefix + "scores"] = scores
    out[prefix + "classes"] = classes
    out[prefix + "semantic"] = semantic
    out[prefix + "panoptic"] = panoptic
    out[prefix + "segments"] = torch.tensor(segments, dtype=torch.int64).view(-1, 5)
torch.save(out, path)
