#!/usr/bin/python3
"""plate-lite: a compact CNN-only CTC plate reader trained from scratch on synthetic plates.

Input: the whole plate crop resized to 128x32 (grey, (pixel/255 - 0.5) / 0.5), as lpr-ocr-onnx's
TextReader prepares it; output: N x 32 x 37 probabilities (class 0 the CTC blank, then 0-9A-Z).
Only Conv (batch norm folded in at export), Relu, MaxPool, Transpose, Reshape and Softmax, so that
ONNX Runtime and OpenCV DNN both run it.

Training data: arrays packed once by pack_lite.py (uint8 N x 32 x 128), light augmentation on the fly
(shift/scale jitter, contrast, brightness, noise, blur). Seeded; checkpoints every --ckpt-every steps
to --ckpt (resumes from it); the learning rate follows one cycle over --steps, or over --minutes of
training time when that runs out first (the shared 2-core machine's speed varies with its load).

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 training/train_lite.py --steps 30000
    # warm start: another run's weights, a fresh optimizer and a fresh one-cycle schedule
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 training/train_lite.py --init training/checkpoints/lite-last.pt \
        --ckpt training/checkpoints/lite2-last.pt --lr 1e-3 --steps 20000
    # warm start from an exported model (the shipped one, on a machine without the checkpoints)
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 training/train_lite.py \
        --init lpr-ocr-onnx/src/main/resources/org/lpr/onnx/models/plate-lite.onnx --ckpt training/checkpoints/lite12-last.pt ...
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 training/train_lite.py --export-only --out training/out/plate-lite.onnx
"""
import argparse
import csv
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
H, W = 32, 128


def conv(cin, cout, k=(3, 3), pad=(1, 1)):
    return [nn.Conv2d(cin, cout, k, padding=pad, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class PlateLite(nn.Module):
    """Seven conv blocks down to one row of 32 steps, then a 1-D conv head over 37 classes."""

    def __init__(self, classes=len(ALPHABET) + 1):
        super().__init__()
        self.features = nn.Sequential(
            *conv(1, 16), nn.MaxPool2d(2, 2),                         # 16 x 64
            *conv(16, 32), nn.MaxPool2d(2, 2),                        # 8 x 32
            *conv(32, 64), *conv(64, 64), nn.MaxPool2d((2, 1), (2, 1)),  # 4 x 32
            *conv(64, 96), *conv(96, 96), nn.MaxPool2d((2, 1), (2, 1)),  # 2 x 32
            *conv(96, 128, k=(2, 3), pad=(0, 1)),                     # 1 x 32
            *conv(128, 128, k=(1, 3), pad=(0, 1)),
        )
        self.dropout = nn.Dropout(0.1)
        self.classifier = nn.Conv2d(128, classes, 1)

    def forward(self, x):
        """Logits N x T x C."""
        y = self.classifier(self.dropout(self.features(x)))
        return y.squeeze(2).transpose(1, 2)


class Exported(nn.Module):
    """What ships: probabilities N x T x C."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        # N x C x 1 x T -> N x 1 x T x C -> N x T x C with a constant shape: OpenCV DNN 4.9 cannot
        # transpose the output of a Squeeze
        y = self.model.classifier(self.model.features(x)).permute(0, 2, 3, 1)
        return torch.softmax(y.reshape(-1, W // 4, len(ALPHABET) + 1), dim=2)


def load_onnx(model, path):
    """Puts an exported plate-lite's weights into model. The export folded each batch norm into its convolution
    (weight W' = W g / s, bias b'); the convolutions take W' and each batch norm starts as the identity plus b'.
    That reads exactly like the export in eval mode; calibrate_bn then makes it read the same in train mode."""
    import onnx
    from onnx import numpy_helper
    m = onnx.load(path)
    init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    convs = [n for n in m.graph.node if n.op_type == "Conv"]
    mine = [c for c in model.features if isinstance(c, nn.Conv2d)] + [model.classifier]
    if len(convs) != len(mine):
        sys.exit(f"--init {path}: {len(convs)} convolutions, plate-lite has {len(mine)}: not a plate-lite export")
    bns = [b for b in model.features if isinstance(b, nn.BatchNorm2d)]
    with torch.no_grad():
        for k, (node, conv_) in enumerate(zip(convs, mine)):
            w, b = torch.from_numpy(init[node.input[1]].copy()), torch.from_numpy(init[node.input[2]].copy())
            if w.shape != conv_.weight.shape:
                sys.exit(f"--init {path}: convolution {k} is {tuple(w.shape)}, plate-lite's {tuple(conv_.weight.shape)}")
            conv_.weight.copy_(w)
            if conv_ is model.classifier:
                conv_.bias.copy_(b)
            else:
                bn = bns[k]
                bn.weight.fill_(1.0)
                bn.bias.copy_(b)
                bn.running_mean.zero_()
                bn.running_var.fill_(1.0 - bn.eps)


def calibrate_bn(model, x):
    """After load_onnx: sets each batch norm, in order, to the mean and variance its convolution's output has on
    the batch x, with weight and bias chosen so that the block still computes conv + b'. Train mode (batch
    statistics) then starts where the export is, and the export of the result folds back to the same weights."""
    with torch.no_grad():
        h, pending = x, None
        for mod in model.features:
            if isinstance(mod, nn.Conv2d):
                h = mod(h)
                pending = h
            elif isinstance(mod, nn.BatchNorm2d):
                mean, var = pending.mean(dim=(0, 2, 3)), pending.var(dim=(0, 2, 3), unbiased=False)
                b = mod.bias.clone()
                mod.running_mean.copy_(mean)
                mod.running_var.copy_(var)
                mod.weight.copy_(torch.sqrt(var + mod.eps))
                mod.bias.copy_(b + mean)
                h = h + b.view(1, -1, 1, 1)
            else:
                h = mod(h)


def load_set(prefix, drop_states=()):
    """A packed set: images, labels, and the indices to train on (labels in the alphabet, states not dropped)."""
    x = np.load(prefix + ".npy", mmap_mode="r")
    with open(prefix + ".csv", newline="") as f:
        r = csv.reader(f)
        next(r)
        rows = [(row[0], row[1].lower()) for row in r]
    labels = [t for t, _ in rows]
    assert len(labels) == len(x), prefix
    keep = [i for i, (t, st) in enumerate(rows)
            if 0 < len(t) <= 16 and all(c in ALPHABET for c in t) and st not in drop_states]
    return x, labels, keep


def encode(texts):
    targets = torch.tensor([ALPHABET.index(c) + 1 for t in texts for c in t], dtype=torch.long)
    lengths = torch.tensor([len(t) for t in texts], dtype=torch.long)
    return targets, lengths


def to_input(batch_u8):
    return (torch.from_numpy(np.ascontiguousarray(batch_u8)).float().unsqueeze(1) / 255.0 - 0.5) / 0.5


def augment(x, g):
    """Light, cheap augmentation on a normalized batch N x 1 x H x W (the renderer already did the heavy part)."""
    n = x.shape[0]
    # shift / scale jitter: crops arrive tighter or looser than the renderer's
    s = 1 + (torch.rand(n, generator=g) - 0.5) * 0.16
    sy = s * (1 + (torch.rand(n, generator=g) - 0.5) * 0.1)
    tx = (torch.rand(n, generator=g) - 0.5) * 0.08
    ty = (torch.rand(n, generator=g) - 0.5) * 0.12
    sh = (torch.rand(n, generator=g) - 0.5) * 0.1
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = s
    theta[:, 0, 1] = sh
    theta[:, 0, 2] = tx
    theta[:, 1, 1] = sy
    theta[:, 1, 2] = ty
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    # contrast, brightness
    c = 0.6 + 0.6 * torch.rand(n, 1, 1, 1, generator=g)
    b = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.6
    mean = x.mean(dim=(2, 3), keepdim=True)
    x = (x - mean) * c + mean + b
    # blur a quarter of the batch
    blur = torch.rand(n, generator=g) < 0.25
    if blur.any():
        x[blur] = F.avg_pool2d(x[blur], 3, 1, 1, count_include_pad=False)
    # noise
    sigma = torch.rand(n, 1, 1, 1, generator=g) * 0.1
    x = x + torch.randn(x.shape, generator=g) * sigma
    return x.clamp(-1, 1)


def greedy(logits):
    best = logits.argmax(dim=2).numpy()
    out = []
    for row in best:
        s, prev = [], 0
        for k in row:
            if k != prev and k != 0:
                s.append(ALPHABET[k - 1])
            prev = k
        out.append("".join(s))
    return out


def evaluate(model, data, batch=256):
    x, labels, keep = data
    model.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(keep), batch):
            idx = keep[i:i + batch]
            pred = greedy(model(to_input(x[idx])))
            right += sum(p == labels[j] for p, j in zip(pred, idx))
    model.train()
    return right / max(1, len(keep))


def export(model, out):
    model.eval()
    dummy = torch.zeros(1, 1, H, W)
    torch.onnx.export(Exported(model), dummy, out, input_names=["x"], output_names=["probs"], opset_version=11,
                      dynamic_axes={"x": {0: "n"}, "probs": {0: "n"}}, do_constant_folding=True)
    import onnx
    m = onnx.load(out)
    onnx.checker.check_model(m)
    ops = sorted({n.op_type for n in m.graph.node})
    print(f"exported {out}: {os.path.getsize(out)} bytes, ops {ops}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="training/data/lite/train")
    ap.add_argument("--val", nargs="*", default=["training/data/lite/val-synth", "training/data/lite/val-clean"])
    ap.add_argument("--steps", type=int, default=30000)
    ap.add_argument("--minutes", type=float, default=0,
                    help="training time budget: the schedule follows max(step/steps, time/minutes) and stops at 1")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--ckpt", default="training/checkpoints/lite-last.pt")
    ap.add_argument("--init", default=None,
                    help="warm start: take the model weights of this checkpoint, or of an exported plate-lite .onnx "
                         "(only the weights: the optimizer, the schedule and the step count start afresh); ignored "
                         "when --ckpt exists, which resumes this run")
    ap.add_argument("--train-extra", nargs="*", default=[],
                    help="more packed training sets (prefixes like --train), concatenated to --train")
    ap.add_argument("--drop-states", nargs="*", default=[],
                    help="leave these states' plates (two-letter codes) out of the sets named in --drop-from, e.g. wy "
                         "for sets rendered when Wyoming's county number was drawn but not labelled")
    ap.add_argument("--drop-from", nargs="*", default=[], help="training set prefixes that --drop-states applies to")
    ap.add_argument("--ckpt-every", type=int, default=500)
    ap.add_argument("--eval-every", type=int, default=1000)
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--bench", type=int, default=0, help="time this many training steps and stop")
    ap.add_argument("--out", default="training/out/plate-lite.onnx")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    model = PlateLite()
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    g = torch.Generator().manual_seed(args.seed)
    step, spent = 0, 0.0
    if os.path.exists(args.ckpt):
        ck = torch.load(args.ckpt)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        spent = ck["spent"]
        g.set_state(ck["gen"])
        step = ck["step"]
        print(f"resumed {args.ckpt} at step {step}", file=sys.stderr, flush=True)
    elif args.init and not args.export_only:
        if not os.path.exists(args.init):
            sys.exit(f"--init: no checkpoint at {args.init}")
        if args.init.endswith(".onnx"):
            load_onnx(model, args.init)  # batch norms calibrated below, on training crops
        else:
            model.load_state_dict(torch.load(args.init)["model"])
        print(f"warm start from the weights of {args.init}; fresh optimizer and schedule", file=sys.stderr, flush=True)
    params = sum(p.numel() for p in model.parameters())
    if args.export_only:
        if not os.path.exists(args.ckpt):
            sys.exit(f"--export-only: no checkpoint at {args.ckpt}; train first (exporting an untrained model helps no one)")
        export(model, args.out)
        return

    unknown = set(args.drop_from) - set([args.train] + args.train_extra)
    if unknown:
        sys.exit(f"--drop-from names sets that are not training sets: {sorted(unknown)}")
    drop = {s.lower() for s in args.drop_states}
    sets = [load_set(t, drop if t in args.drop_from else ()) for t in [args.train] + args.train_extra]
    for t, st in zip([args.train] + args.train_extra, sets):
        print(f"{t}: {len(st[2])} of {len(st[1])} plates", file=sys.stderr, flush=True)
    x_all = np.concatenate([np.asarray(t[0]) for t in sets])  # into memory once: 4 KB a crop
    labels, keep, base = [], [], 0
    for t in sets:
        labels += t[1]
        keep += [base + i for i in t[2]]
        base += len(t[1])
    keep = np.array(keep)
    if step == 0 and args.init and args.init.endswith(".onnx"):
        pick = np.sort(np.random.RandomState(args.seed).choice(keep, min(2048, len(keep)), replace=False))
        calibrate_bn(model, to_input(x_all[pick]))
        print(f"batch norms calibrated on {len(pick)} training crops", file=sys.stderr, flush=True)
    vals = {os.path.basename(v): load_set(v) for v in args.val if os.path.exists(v + ".npy")}
    print(f"{params} parameters, {len(keep)} training crops, step {step}/{args.steps}", file=sys.stderr, flush=True)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    per_epoch = len(keep) // args.batch
    model.train()
    t0, seen, loss_sum = time.time(), 0, 0.0
    stop = step + args.bench if args.bench else args.steps
    budget = args.minutes * 60
    start_spent = spent

    def progress():
        return max(step / args.steps, spent / budget if budget > 0 else 0.0)

    def lr_at(p):
        # one cycle: 3 % linear warm-up from lr/20, then cosine down to lr/200
        if p < 0.03:
            return args.lr * (0.05 + 0.95 * p / 0.03)
        q = min(1.0, (p - 0.03) / 0.97)
        return args.lr * (0.005 + 0.995 * 0.5 * (1 + math.cos(math.pi * q)))

    while step < stop and progress() < 1:
        for group in opt.param_groups:
            group["lr"] = lr_at(progress())
        epoch, pos = divmod(step, per_epoch)
        order = np.random.RandomState(args.seed * 1000 + epoch).permutation(keep)
        idx = np.sort(order[pos * args.batch:(pos + 1) * args.batch])
        x = augment(to_input(x_all[idx]), g)
        targets, lengths = encode([labels[i] for i in idx])
        logp = F.log_softmax(model(x), dim=2).transpose(0, 1)  # T x N x C
        loss = ctc(logp, targets, torch.full((len(idx),), logp.shape[0], dtype=torch.long), lengths)
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        opt.step()
        step += 1
        spent = start_spent + time.time() - t0
        seen += len(idx)
        loss_sum += loss.item()
        if step % 100 == 0 or args.bench:
            dt = time.time() - t0
            print(f"step {step} epoch {epoch} loss {loss_sum / (100 if not args.bench else 1):.4f} "
                  f"lr {opt.param_groups[0]['lr']:.2e} {seen / dt:.0f} crops/s progress {progress():.3f}", file=sys.stderr, flush=True)
            loss_sum = 0.0
        if args.bench:
            continue
        done = progress() >= 1 or step == args.steps
        if step % args.ckpt_every == 0 or done:
            os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
            tmp = args.ckpt + ".tmp"
            torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "spent": spent,
                        "gen": g.get_state(), "step": step}, tmp)
            os.replace(tmp, args.ckpt)
        if step % args.eval_every == 0 or done:
            accs = " ".join(f"{k} {evaluate(model, v):.4f}" for k, v in vals.items())
            print(f"eval step {step}: {accs}", file=sys.stderr, flush=True)
    if not args.bench:
        export(model, args.out)


if __name__ == "__main__":
    main()
