#!/usr/bin/python3
"""Packs rendered plate folders (images/ + labels.csv from org.lpr.synth.DatasetWriter) into one uint8
array at plate-lite's input size, so that training never decodes a PNG twice.

Each crop is preprocessed exactly as lpr-ocr-onnx's TextReader does for a whole crop: halved (2x2 means)
while it is over twice the target size, then bilinear with OpenCV's pixel-centre convention in 8-bit
fixed point (Warp.resize), then grey = round(0.114 B + 0.587 G + 0.299 R).

Writes OUT.npy (N x H x W uint8) and OUT.csv (plate,state,source file), in the order of the folders
given and of each labels.csv.

    /usr/bin/python3 training/pack_lite.py --out training/data/lite/train FOLDER [FOLDER ...]
"""
import argparse
import csv
import os
import sys
from multiprocessing import Pool

import numpy as np
from PIL import Image

H, W = 32, 128


def halve(a):
    h, w = a.shape[0] // 2, a.shape[1] // 2
    a = a[:2 * h, :2 * w].astype(np.int32)
    s = a[0::2, 0::2] + a[0::2, 1::2] + a[1::2, 0::2] + a[1::2, 1::2]
    return ((s + 2) >> 2).astype(np.uint8)


def axis(src, dst):
    f = np.clip((np.arange(dst) + 0.5) * (src / dst) - 0.5, 0, src - 1)
    i0 = f.astype(np.int64)
    i1 = np.minimum(i0 + 1, src - 1)
    a = np.round((f - i0) * 256).astype(np.int64)
    return i0, i1, a


def resize(a, w, h):
    """Warp.resize: separable bilinear, fixed point, on an H x W x 3 uint8 array."""
    sh, sw = a.shape[:2]
    x0, x1, ax = axis(sw, w)
    y0, y1, ay = axis(sh, h)
    a = a.astype(np.int64)
    ax = ax[None, :, None]
    top = a[y0][:, x0] * (256 - ax) + a[y0][:, x1] * ax
    bottom = a[y1][:, x0] * (256 - ax) + a[y1][:, x1] * ax
    ay = ay[:, None, None]
    return ((top * (256 - ay) + bottom * ay + (1 << 15)) >> 16).astype(np.uint8)


def prepare_bgr(bgr, w=W, h=H):
    """BGR crop (H x W x 3 uint8) to the model's grey input (h x w uint8)."""
    while bgr.shape[1] > 2 * w and bgr.shape[0] > 2 * h:
        bgr = halve(bgr)
    r = resize(bgr, w, h).astype(np.float64)
    g = 0.114 * r[..., 0] + 0.587 * r[..., 1] + 0.299 * r[..., 2]
    return np.floor(g + 0.5).astype(np.uint8)  # Java's Math.round


def load(path):
    rgb = np.asarray(Image.open(path).convert("RGB"))
    return prepare_bgr(rgb[..., ::-1])


def rows(folder):
    with open(os.path.join(folder, "labels.csv"), newline="") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            if len(row) >= 3 and os.path.exists(os.path.join(folder, row[0])):
                yield os.path.join(folder, row[0]), row[1], row[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True, help="output prefix (writes PREFIX.npy and PREFIX.csv)")
    ap.add_argument("--procs", type=int, default=2)
    ap.add_argument("folders", nargs="+")
    args = ap.parse_args()
    items = [r for folder in args.folders for r in rows(folder)]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    out = np.lib.format.open_memmap(args.out + ".npy", mode="w+", dtype=np.uint8, shape=(len(items), H, W))
    with Pool(args.procs) as pool:
        for i, img in enumerate(pool.imap(load, [p for p, _, _ in items], chunksize=64)):
            out[i] = img
            if i % 10000 == 0:
                print(f"{i}/{len(items)}", file=sys.stderr, flush=True)
    out.flush()
    with open(args.out + ".csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["plate", "state", "file"])
        for p, s, t in items:
            w.writerow([t, s, p])
    print(f"packed {len(items)} crops into {args.out}.npy", file=sys.stderr)


if __name__ == "__main__":
    main()
