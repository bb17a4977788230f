"""Computes the frozen PP-OCRv4 backbone's output (tensor 'p2o.AveragePool.1', 480 x 1 x W/8) once per
image and stores it as float16, so that the recognizer's neck and new head train fast on a 2-core CPU.

  nice -n 10 /usr/bin/python3 training/cache_features.py training/data/synth-0 [more dirs...]

Writes DIR/features-HxW.npy (N x 480 x W/8, float16) and DIR/features-HxW.txt (plate per line, in order).
"""
import argparse
import os
import sys
import time

import numpy as np
import onnx
import torch
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_torch import OnnxGraphModule  # noqa: E402
from train import HERE, preprocess, read_labels  # noqa: E402

CUT = 'p2o.AveragePool.1'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dirs', nargs='+')
    ap.add_argument('--base', default=os.path.join(HERE, 'out/models/ch_PP-OCRv4_rec_infer.onnx'))
    ap.add_argument('--width', type=int, default=128)
    ap.add_argument('--height', type=int, default=48)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--batch', type=int, default=64)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    model = OnnxGraphModule(onnx.load(args.base), output=CUT).eval()
    for d in args.dirs:
        tag = 'features-%dx%d' % (args.height, args.width)
        out = os.path.join(d, tag + '.npy')
        if os.path.exists(out):
            print('skip', out, flush=True)
            continue
        rows = read_labels(os.path.join(d, 'labels.csv'))
        feats = np.zeros((len(rows), 480, args.width // 8), dtype=np.float16)
        t0 = time.time()
        with torch.no_grad():
            for i in range(0, len(rows), args.batch):
                chunk = rows[i:i + args.batch]
                x = torch.from_numpy(np.stack([preprocess(Image.open(p), args.width, args.height) for p, _, _ in chunk]))
                feats[i:i + len(chunk)] = model(x).squeeze(2).numpy().astype(np.float16)
                if i % (args.batch * 20) == 0:
                    print('%s %d/%d %.1f img/s' % (d, i, len(rows), (i + len(chunk)) / (time.time() - t0)), flush=True)
        np.save(out + '.tmp.npy', feats)
        with open(os.path.join(d, tag + '.txt'), 'w') as f:
            for p, plate, state in rows:
                f.write('%s,%s,%s\n' % (os.path.basename(p), state, plate))
        os.replace(out + '.tmp.npy', out)
        print('wrote %s (%d plates, %.0f s)' % (out, len(rows), time.time() - t0), flush=True)


if __name__ == '__main__':
    main()
