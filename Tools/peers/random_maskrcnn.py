"""torchvision's maskrcnn_resnet50_fpn with random weights made usable as a reference (shared by the parity tests and
`panoptic benchmark model`): batch-norm statistics calibrated on the given images (so activations stay O(1)), the batch
norms then frozen as in torchvision's pretrained detection models, and sharper RPN and classifier logits so that
rankings are decided by the weights rather than by float noise and a test image yields many detections.
"""
import torch
from torchvision.models.detection import maskrcnn_resnet50_fpn
from torchvision.ops.misc import FrozenBatchNorm2d


def freeze_batch_norms(module):
    """BatchNorm2d -> FrozenBatchNorm2d with the same statistics, recursively."""
    for name, child in module.named_children():
        if isinstance(child, torch.nn.BatchNorm2d):
            frozen = FrozenBatchNorm2d(child.num_features, eps=child.eps)
            for buffer in ("weight", "bias", "running_mean", "running_var"):
                getattr(frozen, buffer).copy_(getattr(child, buffer))
            setattr(module, name, frozen)
        else:
            freeze_batch_norms(child)


def random_maskrcnn(images, min_size, max_size, seed=0):
    """The model in eval mode; images: float [0, 1] RGB (C, H, W) tensors used to calibrate the batch norms."""
    torch.manual_seed(seed)
    model = maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, min_size=min_size, max_size=max_size)
    with torch.no_grad():
        model.train()
        for module in model.backbone.body.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.momentum = 1.0
        batch, _ = model.transform(images)
        model.backbone.body(batch.tensors)
        model.eval()
        freeze_batch_norms(model.backbone.body)
        model.rpn.head.cls_logits.weight.mul_(30.0)
        model.roi_heads.box_predictor.cls_score.weight.mul_(4.0)
    return model


def smooth_image(generator, height, width):
    """Smooth colour blobs plus a little noise, uint8 RGB (3, H, W)."""
    low = torch.rand(1, 3, height // 16, width // 16, generator=generator)
    smooth = torch.nn.functional.interpolate(low, size=(height, width), mode="bilinear", align_corners=False)[0]
    noise = torch.rand(3, height, width, generator=generator) * 0.15
    return ((smooth * 0.85 + noise) * 255).round().clamp(0, 255).to(torch.uint8)
