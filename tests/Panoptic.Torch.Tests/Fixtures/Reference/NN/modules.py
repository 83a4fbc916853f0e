# Reference values for NN/ModuleInitTests.cs and NN/ModuleTests.cs.
import torch.nn as nn
import torchvision

torch.manual_seed(3)
m = nn.Conv2d(4, 6, 3, stride=2, padding=1, groups=2)
emit("conv_w", m.weight)
emit("conv_b", m.bias)
torch.manual_seed(4)
m = nn.Linear(12, 5)
emit("linear_w", m.weight)
emit("linear_b", m.bias)
torch.manual_seed(5)
m = nn.ConvTranspose2d(6, 4, 3, stride=2, padding=1, output_padding=1)
emit("convt_w", m.weight)
emit("convt_b", m.bias)
torch.manual_seed(6)
a, b, c = nn.Linear(7, 3, bias=False), nn.Conv2d(3, 8, 1), nn.Conv2d(8, 8, 3, bias=False)
emit("seq_linear_w", a.weight)
emit("seq_conv_w", b.weight)
emit("seq_conv_b", b.bias)
emit("seq_conv2_w", c.weight)
m = nn.Linear(3, 2, dtype=torch.float64)
emit("linear64_w", m.weight)
bn, gn = nn.BatchNorm2d(5), nn.GroupNorm(2, 6)
for k, v in list(bn.state_dict().items()) + [("gn." + k, v) for k, v in gn.state_dict().items()]:
    emit("bn_init_" + k, v)


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, padding=1, bias=False)
        self.bn = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU()


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3), nn.BatchNorm2d(8), nn.ReLU())
        self.layers = nn.ModuleList([Block(8, 8), Block(8, 16)])
        self.norm = nn.GroupNorm(4, 16)
        self.frozen = torchvision.ops.FrozenBatchNorm2d(16)
        self.up = nn.ConvTranspose2d(16, 4, 2, stride=2)
        self.head = nn.Linear(16, 10)


sd = Net().state_dict()
emit("net_keys", list(sd.keys()))
emit("net_shapes", [",".join(str(s) for s in v.shape) for v in sd.values()])
emit("net_param_keys", [k for k, _ in Net().named_parameters()])

# BatchNorm2d, GroupNorm and FrozenBatchNorm2d modules with loaded state
x = randn(1, 4, 3, 5, 5, dtype=torch.float32)
bn = nn.BatchNorm2d(3, momentum=0.3)
bn.load_state_dict({"weight": randn(2, 3, dtype=torch.float32), "bias": randn(3, 3, dtype=torch.float32),
                    "running_mean": randn(4, 3, dtype=torch.float32), "running_var": rand(5, 3, dtype=torch.float32) + 0.5,
                    "num_batches_tracked": torch.tensor(0)})
emit("bn_train_out", bn(x))
emit("bn_train_out2", bn(x * 2))
for k, v in bn.state_dict().items():
    emit("bn_after_" + k, v)
bn.eval()
emit("bn_eval_out", bn(x))
gn = nn.GroupNorm(3, 3, eps=1e-3)
gn.load_state_dict({"weight": randn(6, 3, dtype=torch.float32), "bias": randn(7, 3, dtype=torch.float32)})
emit("gn_out", gn(x))
fb = torchvision.ops.FrozenBatchNorm2d(3)
fb.load_state_dict({"weight": randn(2, 3, dtype=torch.float32), "bias": randn(3, 3, dtype=torch.float32),
                    "running_mean": randn(4, 3, dtype=torch.float32), "running_var": rand(5, 3, dtype=torch.float32) + 0.5})
emit("frozen_out", fb(x))
fb64 = torchvision.ops.FrozenBatchNorm2d(3, eps=1e-3).double()
fb64.load_state_dict({"weight": randn(2, 3), "bias": randn(3, 3), "running_mean": randn(4, 3), "running_var": rand(5, 3) + 0.5})
emit("frozen64_out", fb64(randn(1, 4, 3, 5, 5)))

# nn.init under the global generator
torch.manual_seed(8)
t = torch.empty(6, 4, 3, 3)
emit("kaiming_uniform_fan_out_relu", nn.init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu"))
emit("kaiming_normal", nn.init.kaiming_normal_(torch.empty(5, 7, dtype=torch.float64), a=0.1))
emit("xavier_uniform", nn.init.xavier_uniform_(torch.empty(3, 8, 2, 2), gain=2.0))
emit("uniform", nn.init.uniform_(torch.empty(4), -3, 5))
emit("normal", nn.init.normal_(torch.empty(4), 2, 0.5))
emit("gains", [nn.init.calculate_gain(n, p) for n, p in [("linear", None), ("relu", None), ("tanh", None), ("leaky_relu", None), ("leaky_relu", 0.2), ("sigmoid", None)]])
finish()
