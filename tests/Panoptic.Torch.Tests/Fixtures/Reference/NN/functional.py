# Reference values for NN/Functional*Tests.cs (one script for all of them: one Python start-up).

# ---- convolutions and pooling ----
x = randn(1, 2, 4, 7, 9)
w = randn(2, 6, 2, 3, 3)
b = randn(3, 6)
emit("conv_full", F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2))
emit("conv_plain", F.conv2d(randn(4, 1, 3, 6, 6), randn(5, 2, 3, 2, 2)))
emit("conv32", F.conv2d(randn(4, 1, 3, 6, 6, dtype=torch.float32), randn(5, 2, 3, 3, 3, dtype=torch.float32), padding=1))
xt = randn(6, 1, 4, 3, 5)
emit("convt", F.conv_transpose2d(xt, randn(7, 4, 3, 3, 3), randn(8, 3), stride=2, padding=1, output_padding=1))
emit("convt_groups", F.conv_transpose2d(xt, randn(9, 4, 2, 3, 2), None, stride=(2, 3), padding=(0, 1), output_padding=(1, 2), groups=2, dilation=(1, 2)))
xp = randn(10, 2, 3, 7, 8)
emit("maxpool_ceil", F.max_pool2d(xp, 3, 2, 1, ceil_mode=True))
emit("maxpool_floor", F.max_pool2d(xp, 3, 2, 1, ceil_mode=False))
emit("maxpool_dilated", F.max_pool2d(xp, (2, 3), (1, 2), 0, dilation=2))
emit("avgpool_ceil_nopad", F.avg_pool2d(xp, 3, 2, 1, ceil_mode=True, count_include_pad=False))
emit("avgpool", F.avg_pool2d(xp, 2))
emit("adaptive", F.adaptive_avg_pool2d(xp, (3, 5)))
emit("adaptive_1", F.adaptive_avg_pool2d(xp, 1))

# ---- normalisation ----
xb = randn(11, 4, 3, 5, 6)
rm, rv = randn(12, 3), rand(13, 3) + 0.5
wb, bb = randn(14, 3), randn(15, 3)
rm_t, rv_t = rm.clone(), rv.clone()
emit("bn_train", F.batch_norm(xb, rm_t, rv_t, wb, bb, training=True, momentum=0.2, eps=1e-3))
emit("bn_train_rm", rm_t)
emit("bn_train_rv", rv_t)
emit("bn_eval", F.batch_norm(xb, rm, rv, wb, bb, training=False, eps=1e-3))
emit("bn_noaffine", F.batch_norm(xb, None, None, training=True))
xg = randn(16, 2, 6, 4, 5)
emit("gn", F.group_norm(xg, 3, randn(17, 6), randn(18, 6), eps=1e-4))
emit("gn_noaffine", F.group_norm(xg, 2))
emit("ln", F.layer_norm(xg, [4, 5], randn(19, 4, 5), randn(20, 4, 5)))
emit("ln_noaffine", F.layer_norm(xg, [6, 4, 5], eps=1e-3))

# ---- resampling ----
xi = randn(21, 2, 3, 5, 7)
emit("nearest_size", F.interpolate(xi, size=(8, 3), mode="nearest"))
emit("nearest_scale", F.interpolate(xi, scale_factor=(2.0, 1.5), mode="nearest"))
emit("nearest_down", F.interpolate(xi, scale_factor=(0.5, 0.7), mode="nearest"))
emit("bilinear_size", F.interpolate(xi, size=(8, 11), mode="bilinear", align_corners=False))
emit("bilinear_size_ac", F.interpolate(xi, size=(8, 11), mode="bilinear", align_corners=True))
emit("bilinear_scale", F.interpolate(xi, scale_factor=(1.7, 0.6), mode="bilinear", align_corners=False))
emit("bilinear_scale_ac", F.interpolate(xi, scale_factor=(2.0, 2.0), mode="bilinear", align_corners=True))
xs = randn(22, 2, 3, 5, 6)
grid = rand(23, 2, 4, 3, 2) * 2.4 - 1.2
emit("grid_bilinear_zeros", F.grid_sample(xs, grid, mode="bilinear", padding_mode="zeros", align_corners=False))
emit("grid_bilinear_border_ac", F.grid_sample(xs, grid, mode="bilinear", padding_mode="border", align_corners=True))
emit("grid_nearest_reflection", F.grid_sample(xs, grid, mode="nearest", padding_mode="reflection", align_corners=False))
emit("grid_bicubic", F.grid_sample(xs, grid, mode="bicubic", padding_mode="zeros", align_corners=False))
emit("pad", F.pad(xs, (1, 2, 0, 3), value=0.5))

# ---- losses ----
logits = randn(24, 6, 5)
target = torch.tensor([0, 4, 2, -100, 1, 2])
cw = rand(25, 5) + 0.5
for red in ("none", "mean", "sum"):
    emit(f"ce_{red}", F.cross_entropy(logits, target, reduction=red))
    emit(f"ce_w_{red}", F.cross_entropy(logits, target, weight=cw, reduction=red))
emit("ce_ignore2", F.cross_entropy(logits, target.clamp(min=0), weight=cw, ignore_index=2))
emit("ce_smooth", F.cross_entropy(logits, target, weight=cw, label_smoothing=0.1))
emit("ce_spatial", F.cross_entropy(randn(26, 2, 5, 3, 4), torch.arange(24).reshape(2, 3, 4) % 5))
xl, tl = randn(27, 4, 3), rand(28, 4, 3)
pw, bw = torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64), rand(29, 4, 3)
for red in ("none", "mean", "sum"):
    emit(f"bce_{red}", F.binary_cross_entropy_with_logits(xl, tl, reduction=red))
    emit(f"bce_pw_{red}", F.binary_cross_entropy_with_logits(xl, tl, weight=bw, pos_weight=pw, reduction=red))
xr, yr = randn(30, 10) * 2, randn(31, 10)
for beta in (1.0, 0.5, 0.0):
    for red in ("none", "mean", "sum"):
        emit(f"sl1_{beta}_{red}", F.smooth_l1_loss(xr, yr, reduction=red, beta=beta))
for red in ("none", "mean", "sum"):
    emit(f"l1_{red}", F.l1_loss(xr, yr, reduction=red))
    emit(f"mse_{red}", F.mse_loss(xr, yr, reduction=red))
finish()
