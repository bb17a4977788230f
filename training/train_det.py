#!/usr/bin/python3
"""plate-det: a small fully convolutional plate detector, trained on lpr-synth scenes.

The net takes a letterboxed RGB picture (default 512x288, normalized like PP-OCR's detector:
(x/255 - ImageNet mean) / ImageNet std, padding at the mean, i.e. 0 after normalizing) and predicts a
plate probability map at 1/4 resolution. The target is DB's shrunk region: each plate quadrilateral
moved inwards by D = A (1 - 0.4^2) / L (A its area, L its perimeter), so the DB post-processing
(threshold 0.3, components, unclip by about 1.5) turns the map back into plate quads.

Subcommands (run from the repository root with Debian's /usr/bin/python3 and python3-torch):
  pack    decode a scene folder written by `DatasetWriter --scenes` once into uint8 arrays
  train   train (seeded, one thread by default), checkpointing and resuming from --ckpt
  export  fold batch norm and write ONNX (Conv, Relu, Add, Resize, Sigmoid only)
  measure a checkpoint on a folder in `lpr eval-scenes` format (measuring only)

See training/README.md, "plate-det".
"""
import argparse
import csv
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image, ImageDraw

MEAN_RGB = (124, 116, 104)  # ImageNet mean as bytes: padding that normalizes to about 0
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
SHRINK_R = 0.4


# ---------------------------------------------------------------- data

def shrink_quad(q, r=SHRINK_R):
    """Moves every edge of the convex quad q (4x2, clockwise in image coordinates) inwards by DB's offset."""
    q = np.asarray(q, dtype=np.float64)
    x, y = q[:, 0], q[:, 1]
    area = 0.5 * abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    perim = np.sum(np.linalg.norm(q - np.roll(q, -1, axis=0), axis=1))
    if perim <= 0 or area <= 0:
        return None
    d = area * (1 - r * r) / perim
    centre = q.mean(axis=0)
    lines = []
    for i in range(4):
        a, b = q[i], q[(i + 1) % 4]
        t = b - a
        n = np.array([-t[1], t[0]]) / (np.linalg.norm(t) + 1e-9)
        if np.dot(centre - a, n) < 0:
            n = -n
        lines.append((a + n * d, t))
    out = []
    for i in range(4):
        (p1, t1), (p2, t2) = lines[i - 1], lines[i]
        m = np.array([[t1[0], -t2[0]], [t1[1], -t2[1]]])
        if abs(np.linalg.det(m)) < 1e-9:
            return None
        s = np.linalg.solve(m, p2 - p1)
        out.append(p1 + s[0] * t1)
    out = np.array(out)
    # a plate thinner than twice the offset collapses: keep a sliver around its centre line
    if np.any(np.isnan(out)) or np.linalg.norm(out.mean(axis=0) - centre) > d * 2:
        return None
    return out


def region_map(quads, w, h, shrink=True):
    """The target map (h x w uint8, 1 inside plates) of quads given in map coordinates."""
    img = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(img)
    for q in quads:
        s = shrink_quad(q) if shrink else np.asarray(q)
        if s is None:
            s = np.asarray(q)
        draw.polygon([tuple(p) for p in s], fill=1)
    return np.array(img, dtype=np.uint8)


def letterbox(img, w, h):
    """Scales img (PIL RGB) to fit w x h keeping its shape, pads right and bottom with the mean; returns (array, scale)."""
    s = min(w / img.width, h / img.height)
    nw, nh = max(1, round(img.width * s)), max(1, round(img.height * s))
    canvas = Image.new("RGB", (w, h), MEAN_RGB)
    canvas.paste(img.resize((nw, nh), Image.BILINEAR), (0, 0))
    return np.asarray(canvas, dtype=np.uint8), s


def pack(args):
    w, h = args.size
    rows = {}
    for folder in args.dirs:
        with open(os.path.join(folder, "labels.csv"), newline="") as f:
            for r in csv.DictReader(f):
                path = os.path.join(folder, r["file"])
                quads = rows.setdefault(path, [])
                if r["x0"] == "":  # a picture without a plate (DatasetWriter --street): no quad, an empty map
                    continue
                quads.append([[float(r["x%d" % i]), float(r["y%d" % i])] for i in range(4)])
    files = sorted(rows)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    n = len(files)
    images = np.lib.format.open_memmap(args.out + ".images.npy", mode="w+", dtype=np.uint8, shape=(n, h, w, 3))
    maps = np.lib.format.open_memmap(args.out + ".maps.npy", mode="w+", dtype=np.uint8, shape=(n, h // 4, w // 4))
    quads = []
    t0 = time.time()
    for i, path in enumerate(files):
        with Image.open(path) as im:
            arr, s = letterbox(im.convert("RGB"), w, h)
        images[i] = arr
        qs = [np.asarray(q) * s for q in rows[path]]
        maps[i] = region_map([q / 4 for q in qs], w // 4, h // 4)
        quads.append([q.tolist() for q in qs])
        if (i + 1) % 500 == 0:
            print("packed %d/%d (%.0f/s)" % (i + 1, n, (i + 1) / (time.time() - t0)), flush=True)
    images.flush()
    maps.flush()
    with open(args.out + ".json", "w") as f:
        json.dump({"size": [w, h], "files": files, "quads": quads}, f)
    print("packed %d scenes into %s.* (%dx%d) in %.0f s" % (n, args.out, w, h, time.time() - t0))


class Packed:
    def __init__(self, prefix):
        self.images = np.load(prefix + ".images.npy", mmap_mode="r")
        self.maps = np.load(prefix + ".maps.npy", mmap_mode="r")
        with open(prefix + ".json") as f:
            meta = json.load(f)
        self.quads = meta["quads"]
        self.size = meta["size"]

    def __len__(self):
        return len(self.images)


def to_input(u8):
    """uint8 N x H x W x 3 (RGB) -> normalized float N x 3 x H x W."""
    x = torch.from_numpy(np.ascontiguousarray(u8)).permute(0, 3, 1, 2).float() / 255
    return (x - MEAN) / STD


def zoom(x, y, g, lo, hi):
    """Geometric jitter: each picture scaled by a factor in [1/hi, 1/lo] (log-uniform) about a random
    centre and shifted, the map with it; what falls outside the picture becomes the normalization mean
    (0 after normalizing) and map 0. A factor above 1 makes plates larger, below 1 smaller."""
    n = x.shape[0]
    s = torch.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * torch.rand(n, generator=g))
    t = (torch.rand(n, 2, generator=g) - 0.5) * 2 * (0.2 + (s.unsqueeze(1) - 1).abs())
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0] = s
    theta[:, 1, 1] = s
    theta[:, :, 2] = t
    gx = F.affine_grid(theta, list(x.shape), align_corners=False)
    gy = F.affine_grid(theta, list(y.shape), align_corners=False)
    x = F.grid_sample(x, gx, mode="bilinear", padding_mode="zeros", align_corners=False)
    y = (F.grid_sample(y, gy, mode="bilinear", padding_mode="zeros", align_corners=False) >= 0.5).float()
    return x, y


def augment(x, y, rng, zoom_range=(1.0, 1.0)):
    """Photometric jitter per picture and a mirror now and then (the map mirrors with it); with a
    zoom range other than (1, 1), geometric jitter (`zoom`) on about two pictures in three."""
    n = x.shape[0]
    g = torch.Generator().manual_seed(rng.randrange(1 << 31))
    if zoom_range != (1.0, 1.0):
        pick = torch.rand(n, generator=g) < 0.67
        if pick.any():
            zx, zy = zoom(x[pick], y[pick], g, *zoom_range)
            x, y = x.clone(), y.clone()
            x[pick] = zx
            y[pick] = zy
    contrast = 0.6 + 0.8 * torch.rand(n, 1, 1, 1, generator=g)
    bright = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 1.0
    tint = (torch.rand(n, 3, 1, 1, generator=g) - 0.5) * 0.4
    x = x * contrast + bright + tint
    x = x + torch.randn(x.shape, generator=g) * (0.1 * torch.rand(n, 1, 1, 1, generator=g))
    flip = torch.rand(n, generator=g) < 0.5
    x[flip] = x[flip].flip(-1)
    y[flip] = y[flip].flip(-1)
    return x, y


# ---------------------------------------------------------------- model

def conv_bn(cin, cout, k=3, s=1, groups=1, relu=True):
    layers = [nn.Conv2d(cin, cout, k, s, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if relu:
        layers.append(nn.ReLU(inplace=True))
    return nn.Sequential(*layers)


class DwSep(nn.Module):
    """Depthwise 3x3 then pointwise 1x1, each with batch norm; a residual when shapes match."""

    def __init__(self, cin, cout, s=1):
        super().__init__()
        self.dw = conv_bn(cin, cin, 3, s, groups=cin)
        self.pw = conv_bn(cin, cout, 1, relu=False)
        self.res = s == 1 and cin == cout

    def forward(self, x):
        y = self.pw(self.dw(x))
        return F.relu(x + y) if self.res else F.relu(y)


class PlateDet(nn.Module):
    """MobileNet-like encoder down to 1/16, a small top-down path back to 1/4, one probability map."""

    def __init__(self, width=1.0):
        super().__init__()
        c = [max(8, int(v * width)) for v in (16, 32, 64, 128, 48)]
        self.stem = conv_bn(3, c[0], 3, 2)                                               # 1/2
        self.s4 = nn.Sequential(DwSep(c[0], c[1], 2), DwSep(c[1], c[1]))                 # 1/4
        self.s8 = nn.Sequential(DwSep(c[1], c[2], 2), DwSep(c[2], c[2]), DwSep(c[2], c[2]))  # 1/8
        self.s16 = nn.Sequential(DwSep(c[2], c[3], 2), DwSep(c[3], c[3]), DwSep(c[3], c[3]), DwSep(c[3], c[3]))  # 1/16
        self.l16 = conv_bn(c[3], c[4], 1)
        self.l8 = conv_bn(c[2], c[4], 1)
        self.l4 = conv_bn(c[1], c[4], 1)
        self.head = nn.Sequential(conv_bn(c[4], c[4], 3), nn.Conv2d(c[4], 1, 1))

    def forward(self, x):
        f4 = self.s4(self.stem(x))
        f8 = self.s8(f4)
        f16 = self.s16(f8)
        p = self.l16(f16)
        p = F.interpolate(p, scale_factor=2.0, mode="nearest") + self.l8(f8)
        p = F.interpolate(p, scale_factor=2.0, mode="nearest") + self.l4(f4)
        return self.head(p)  # logits; the exported model ends with a sigmoid


def fold_bn(model):
    """Folds every Conv2d+BatchNorm2d pair of the model's Sequentials into one biased Conv2d (eval mode)."""
    for name, mod in model.named_children():
        if isinstance(mod, nn.Sequential):
            layers = list(mod)
            out = []
            i = 0
            while i < len(layers):
                if isinstance(layers[i], nn.Conv2d) and i + 1 < len(layers) and isinstance(layers[i + 1], nn.BatchNorm2d):
                    conv, bn = layers[i], layers[i + 1]
                    fused = nn.Conv2d(conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding,
                                      groups=conv.groups, bias=True)
                    scale = bn.weight / torch.sqrt(bn.running_var + bn.eps)
                    fused.weight.data = conv.weight.data * scale.view(-1, 1, 1, 1)
                    b = conv.bias.data if conv.bias is not None else torch.zeros_like(bn.running_mean)
                    fused.bias.data = (b - bn.running_mean) * scale + bn.bias
                    out.append(fused)
                    i += 2
                else:
                    out.append(layers[i])
                    i += 1
            setattr(model, name, nn.Sequential(*[fold_bn(m) for m in out]))
        else:
            fold_bn(mod)
    return model


class Exported(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.sigmoid(self.net(x))


# ---------------------------------------------------------------- training

def loss_fn(logits, target):
    bce = F.binary_cross_entropy_with_logits(logits, target)
    p = torch.sigmoid(logits)
    inter = (p * target).sum(dim=(1, 2, 3))
    dice = 1 - (2 * inter + 1) / (p.sum(dim=(1, 2, 3)) + target.sum(dim=(1, 2, 3)) + 1)
    return bce + dice.mean(), bce.item(), dice.mean().item()


@torch.no_grad()
def evaluate(model, val, batch=16):
    """Pixel F1 at 0.3; plates whose shrunk region has mean probability >= 0.5; false plate pixels
    (p >= 0.3 outside every whole plate quad) per picture."""
    model.eval()
    tp = fp = fn = 0
    hit = total = 0
    false_px = 0
    w4, h4 = val.size[0] // 4, val.size[1] // 4
    for i in range(0, len(val), batch):
        x = to_input(val.images[i:i + batch])
        p = torch.sigmoid(model(x))[:, 0].numpy()
        y = np.asarray(val.maps[i:i + batch]).astype(bool)
        pos = p >= 0.3
        tp += np.sum(pos & y)
        fp += np.sum(pos & ~y)
        fn += np.sum(~pos & y)
        for j in range(p.shape[0]):
            qs = [np.asarray(q) / 4 for q in val.quads[i + j]]
            whole = region_map(qs, w4, h4, shrink=False).astype(bool)
            false_px += np.sum(pos[j] & ~whole)
            for q in qs:
                m = region_map([q], w4, h4).astype(bool)
                total += 1
                hit += int(m.any() and p[j][m].mean() >= 0.5)
    model.train()
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    return {"pixel_f1": round(float(f1), 4), "plates_hit": round(hit / max(1, total), 4),
            "false_px_per_image": round(false_px / max(1, len(val)), 1)}


def save(path, model, opt, step, rng, elapsed):
    tmp = path + ".tmp"
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "step": step, "rng": rng.getstate(),
                "torch_rng": torch.get_rng_state(), "elapsed": elapsed}, tmp)
    os.replace(tmp, path)


def lr_at(step, steps, peak, warm=200):
    if step < warm:
        return peak * (step + 1) / warm
    return peak * 0.5 * (1 + math.cos(math.pi * min(1.0, (step - warm) / max(1, steps - warm))))


def train(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    data = [Packed(p) for p in args.train]
    val = Packed(args.val) if args.val else None
    model = PlateDet(args.width)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    step, elapsed = 0, 0.0
    if os.path.exists(args.ckpt):
        ck = torch.load(args.ckpt, weights_only=False)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["opt"])
        step, elapsed = ck["step"], ck["elapsed"]
        rng.setstate(ck["rng"])
        torch.set_rng_state(ck["torch_rng"])
        print("resumed %s at step %d (%.1f min trained)" % (args.ckpt, step, elapsed / 60), flush=True)
    elif args.init:
        model.load_state_dict(torch.load(args.init, weights_only=False)["model"])
        print("weights from %s; fresh optimizer and schedule" % args.init, flush=True)
    print("weights: %d" % sum(p.numel() for p in model.parameters()), flush=True)
    index = [(d, i) for d in data for i in range(len(d))]
    model.train()
    t_run = time.time()
    seen = 0
    while step < args.steps and elapsed + (time.time() - t_run) < args.minutes * 60:
        picks = [index[rng.randrange(len(index))] for _ in range(args.batch)]
        xs = np.stack([d.images[i] for d, i in picks])
        ys = torch.from_numpy(np.stack([d.maps[i] for d, i in picks])).float().unsqueeze(1)
        x, y = augment(to_input(xs), ys, rng, tuple(args.zoom))
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr)
        loss, bce, dice = loss_fn(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        seen += args.batch
        if step % args.log_every == 0:
            now = elapsed + time.time() - t_run
            print("step %d loss %.4f bce %.4f dice %.4f lr %.2e %.1f scenes/s %.1f min"
                  % (step, loss.item(), bce, dice, opt.param_groups[0]["lr"], seen / (time.time() - t_run), now / 60), flush=True)
        if step % args.ckpt_every == 0:
            save(args.ckpt, model, opt, step, rng, elapsed + time.time() - t_run)
        if val is not None and step % args.eval_every == 0:
            print("eval step %d: %s" % (step, json.dumps(evaluate(model, val))), flush=True)
    elapsed += time.time() - t_run
    save(args.ckpt, model, opt, step, rng, elapsed)
    if val is not None:
        print("eval step %d: %s" % (step, json.dumps(evaluate(model, val))), flush=True)
    print("stopped at step %d after %.1f min of training" % (step, elapsed / 60), flush=True)
    if args.out:
        export(args)


def export(args):
    import onnx
    model = PlateDet(args.width)
    model.load_state_dict(torch.load(args.ckpt, weights_only=False)["model"])
    model.eval()
    w, h = args.size
    x = torch.randn(1, 3, h, w)
    ref = torch.sigmoid(model(x))
    fused = Exported(fold_bn(model)).eval()
    with torch.no_grad():
        diff = (fused(x) - ref).abs().max().item()
    torch.onnx.export(fused, x, args.out, input_names=["x"], output_names=["map"], opset_version=13,
                      dynamic_axes={"x": {0: "n", 2: "h", 3: "w"}, "map": {0: "n", 2: "h4", 3: "w4"}})
    m = onnx.load(args.out)
    onnx.checker.check_model(m)
    ops = sorted({n.op_type for n in m.graph.node})
    if args.sample:
        x.numpy().astype("<f4").tofile(args.sample + ".in.f32")
        ref.detach().numpy().astype("<f4").tofile(args.sample + ".out.f32")
    print("exported %s: %d bytes, ops %s, folded-vs-trained max diff %.2e" % (args.out, os.path.getsize(args.out), ops, diff))


def components(mask):
    """Connected components (4-neighbour) of a boolean map: a list of (ys, xs) index arrays."""
    seen = np.zeros_like(mask, dtype=bool)
    h, w = mask.shape
    out = []
    for y0, x0 in zip(*np.nonzero(mask)):
        if seen[y0, x0]:
            continue
        stack = [(y0, x0)]
        seen[y0, x0] = True
        ys, xs = [], []
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        out.append((np.array(ys), np.array(xs)))
    return out


@torch.no_grad()
def measure(args):
    """Measures a checkpoint on a folder in `lpr eval-scenes` format (NAME.jpg + NAME.txt, tab separated
    file x y w h PLATE): plates hit (mean probability >= 0.5 in the shrunk box) and false components
    (map >= 0.3, box score >= 0.5, touching no plate box) per picture. For measuring only: it changes nothing."""
    torch.set_num_threads(args.threads)
    model = PlateDet(args.width)
    model.load_state_dict(torch.load(args.ckpt, weights_only=False)["model"])
    model.eval()
    w, h = args.size
    hit = total = false_comp = pictures = 0
    for name in sorted(os.listdir(args.dir)):
        if not name.endswith(".txt"):
            continue
        boxes, image = [], None
        with open(os.path.join(args.dir, name)) as f:
            for line in f:
                p = line.strip().split("\t")
                if len(p) >= 6:
                    image = p[0]
                    x, y, bw, bh = (float(v) for v in p[1:5])
                    boxes.append(np.array([[x, y], [x + bw, y], [x + bw, y + bh], [x, y + bh]]))
        if image is None:
            continue
        with Image.open(os.path.join(args.dir, image)) as im:
            arr, sc = letterbox(im.convert("RGB"), w, h)
        prob = torch.sigmoid(model(to_input(arr[None])))[0, 0].numpy()
        qs = [b * sc / 4 for b in boxes]
        for q in qs:
            m = region_map([q], w // 4, h // 4).astype(bool)
            total += 1
            hit += int(m.any() and prob[m].mean() >= 0.5)
        whole = region_map(qs, w // 4, h // 4, shrink=False).astype(bool)
        for ys, xs in components(prob >= 0.3):
            if prob[ys, xs].mean() >= 0.5 and not whole[ys, xs].any():
                false_comp += 1
        pictures += 1
    print(json.dumps({"dir": args.dir, "pictures": pictures, "plates": total, "plates_hit": hit,
                      "false_components_per_picture": round(false_comp / max(1, pictures), 2)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)

    def size(v):
        w, h = v.lower().split("x")
        w, h = int(w), int(h)
        if w % 32 or h % 32:
            raise argparse.ArgumentTypeError("size %s: width and height must be multiples of 32" % v)
        return (w, h)

    p = sub.add_parser("pack")
    p.add_argument("--out", required=True, help="prefix of the packed arrays, e.g. training/data/det/train")
    p.add_argument("--size", type=size, default=(512, 288))
    p.add_argument("dirs", nargs="+", help="folders written by DatasetWriter --scenes")
    m = sub.add_parser("measure")
    m.add_argument("dir", help="a folder in lpr eval-scenes format")
    m.add_argument("--ckpt", default="training/checkpoints/det-last.pt")
    m.add_argument("--width", type=float, default=1.0)
    m.add_argument("--size", type=size, default=(512, 288))
    m.add_argument("--threads", type=int, default=1)
    for name in ("train", "export"):
        t = sub.add_parser(name)
        t.add_argument("--ckpt", default="training/checkpoints/det-last.pt")
        t.add_argument("--width", type=float, default=1.0, help="channel multiplier")
        t.add_argument("--size", type=size, default=(512, 288), help="export: the sample input's size")
        t.add_argument("--out", default="training/out/plate-det.onnx" if name == "export" else None)
        t.add_argument("--sample", default=None, help="export: write PREFIX.in.f32 / PREFIX.out.f32 for parity checks")
        if name == "train":
            t.add_argument("--train", nargs="+", default=["training/data/det/train"])
            t.add_argument("--val", default="training/data/det/val")
            t.add_argument("--steps", type=int, default=20000)
            t.add_argument("--minutes", type=float, default=1e9, help="stop after this much training time (all runs together)")
            t.add_argument("--batch", type=int, default=16)
            t.add_argument("--lr", type=float, default=3e-3)
            t.add_argument("--threads", type=int, default=1)
            t.add_argument("--seed", type=int, default=1)
            t.add_argument("--log-every", type=int, default=20)
            t.add_argument("--ckpt-every", type=int, default=100)
            t.add_argument("--eval-every", type=int, default=500)
            t.add_argument("--init", default=None,
                           help="start from this checkpoint's weights with a fresh optimizer and schedule (when --ckpt does not exist yet)")
            t.add_argument("--zoom", type=float, nargs=2, default=[1.0, 1.0], metavar=("LO", "HI"),
                           help="geometric jitter: scale pictures by 1/HI to 1/LO (default 1 1: off)")
    args = ap.parse_args()
    if args.cmd == "pack":
        pack(args)
    elif args.cmd == "measure":
        measure(args)
    elif args.cmd == "train":
        os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
        train(args)
    else:
        export(args)


if __name__ == "__main__":
    sys.exit(main())
