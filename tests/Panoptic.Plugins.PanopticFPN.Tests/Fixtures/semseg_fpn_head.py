# Reference for SemanticFPNHead: detectron2's SemSegFPNHead (modeling/meta_arch/semantic_seg.py) written out from its
# semantics with plain PyTorch (detectron2 itself is not installed). Writes, for each norm in argv[2:], the state dict,
# random P2..P5 features, targets with ignored pixels, the logits at stride 4, the upsampled logits and the loss.
import math, os, sys
from collections import OrderedDict
import torch
from torch import nn
from torch.nn import functional as F

torch.set_num_threads(int(os.environ.get("PANOPTIC_REFERENCE_THREADS", "1")))


class ConvNormAct(nn.Conv2d):
    """detectron2.layers.Conv2d: convolution, then the optional norm (child 'norm'), then the activation."""

    def __init__(self, *args, norm=None, activation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.norm = norm
        self.activation = activation

    def forward(self, x):
        x = super().forward(x)
        if self.norm is not None:
            x = self.norm(x)
        return self.activation(x) if self.activation is not None else x


def msra_fill(conv):  # fvcore c2_msra_fill
    nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
    if conv.bias is not None:
        nn.init.constant_(conv.bias, 0)


class ReferenceHead(nn.Module):
    def __init__(self, shapes, num_classes, conv_dims, common_stride, norm, loss_weight, ignore_value):
        super().__init__()
        self.in_features = list(shapes)
        self.common_stride, self.loss_weight, self.ignore_value = common_stride, loss_weight, ignore_value
        self.towers = []
        for name, (channels, stride) in shapes.items():
            blocks = max(1, int(math.log2(stride) - math.log2(common_stride)))
            ops = []
            for k in range(blocks):
                conv = ConvNormAct(channels if k == 0 else conv_dims, conv_dims, kernel_size=3, padding=1, bias=not norm,
                                   norm=nn.GroupNorm(32, conv_dims) if norm == "GN" else None, activation=F.relu)
                msra_fill(conv)
                ops.append(conv)
                if stride != common_stride:
                    ops.append(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False))
            self.towers.append(nn.Sequential(*ops))
            self.add_module(name, self.towers[-1])
        self.predictor = ConvNormAct(conv_dims, num_classes, kernel_size=1)
        msra_fill(self.predictor)

    def layers(self, features):
        x = None
        for name, tower in zip(self.in_features, self.towers):
            y = tower(features[name])
            x = y if x is None else x + y
        return self.predictor(x)

    def upsample(self, x):
        return F.interpolate(x, scale_factor=self.common_stride, mode="bilinear", align_corners=False)

    def loss(self, x, targets):
        return F.cross_entropy(self.upsample(x), targets, reduction="mean", ignore_index=self.ignore_value) * self.loss_weight


torch.manual_seed(11)
shapes = OrderedDict((f"p{level}", (16, 2 ** level)) for level in range(2, 6))
n, height, width, classes = 2, 64, 96, 5
out = OrderedDict()
for norm in sys.argv[2:]:
    key = norm or "none"
    head = ReferenceHead(shapes, classes, 64, 4, norm, 0.5, 255)
    with torch.no_grad():  # move norms and biases off their initial values so every parameter matters
        for name, p in head.named_parameters():
            if "norm" in name or name.endswith("bias"):
                p.uniform_(-0.5, 1.5) if name.endswith("weight") else p.uniform_(-0.2, 0.2)
    features = {name: torch.randn(n, c, height // s, width // s) for name, (c, s) in shapes.items()}
    targets = torch.randint(0, classes, (n, height, width))
    targets[torch.rand(n, height, width) < 0.2] = 255
    with torch.no_grad():
        logits = head.layers(features)
        out.update((f"{key}.state.{k}", v) for k, v in head.state_dict().items())
        out.update((f"{key}.input.{k}", v) for k, v in features.items())
        out[f"{key}.targets"] = targets
        out[f"{key}.logits"] = logits
        out[f"{key}.upsampled"] = head.upsample(logits)
        out[f"{key}.loss"] = head.loss(logits, targets)
torch.save(out, sys.argv[1])
