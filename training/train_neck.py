"""Trains the PP-OCRv4 recognizer's neck (SVTR mixer) and a new 37-class CTC head on cached backbone
features of synthetic plates (cache_features.py), then exports the whole recognizer as ONNX: the
original graph with the frozen backbone, the fine-tuned neck and the new head.

  nice -n 10 /usr/bin/python3 training/train_neck.py --epochs 30                 # resumes checkpoints/neck-last.pt
  /usr/bin/python3 training/train_neck.py --export-only --out training/out/plate-rec.onnx
"""
import argparse
import glob
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cache_features import CUT  # noqa: E402
from train import ALPHABET, HEAD_B, HEAD_W, HERE, build_model, export, greedy_decode  # noqa: E402


def load_features(patterns, drop_states=(), drop_from=()):
    """Cached features and plate labels of every `features-48x128.f32` matching the patterns (a pattern
    named twice is loaded once and indexed twice, so its plates count double). Rows whose state is in
    `drop_states` are left out of the files matching a `drop_from` pattern (old renders whose labels for
    those states are wrong). Returns (features, labels, index), index listing the rows to train on."""
    if isinstance(patterns, str):
        patterns = [patterns]
    dropped_files = {f for p in drop_from for f in glob.glob(p)}
    feats, labels, index, seen = [], [], [], {}
    for pattern in patterns:
        for f in sorted(glob.glob(pattern)):
            txt = f[:-4] + '.txt'
            if not os.path.exists(txt):
                continue  # still being written by FeatureCache.java
            if f not in seen:
                with open(txt) as t:
                    rows = [line.rstrip('\n').split(',') for line in t]
                start = len(labels)
                feats.append(np.memmap(f, dtype='<f4', mode='r', shape=(len(rows), 480, 16)))
                labels += [r[2] for r in rows]
                keep = [start + i for i, r in enumerate(rows)
                        if not (f in dropped_files and r[1].lower() in drop_states)]
                seen[f] = keep
            index += seen[f]
    if not feats:
        return None, [], []
    return torch.from_numpy(np.concatenate([f.astype(np.float16) for f in feats])), labels, index


def params_after(model, cut):
    """Names of the weights used by nodes that run after the cut tensor."""
    names, live = set(), {cut}
    for op, ins, outs, at in model.nodes:
        if any(i in live for i in ins):
            live.update(outs)
            for i in ins:
                kind, key = model.const_kind.get(i, (None, None))
                if kind == 'param':
                    names.add(key)
    return names


def evaluate(model, feats, labels, batch=256):
    model.eval()
    got = []
    with torch.no_grad():
        for i in range(0, len(labels), batch):
            got += greedy_decode(model(feats[i:i + batch].float().unsqueeze(2), start=CUT))
    model.train()
    right = sum(g == t for g, t in zip(got, labels))
    return right / max(1, len(labels)), [(t, g) for g, t in zip(got, labels) if g != t]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', default=os.path.join(HERE, 'out/models/ch_PP-OCRv4_rec_infer.onnx'))
    ap.add_argument('--features', nargs='+', default=[os.path.join(HERE, 'data/synth-*/features-48x128.f32')],
                    help='feature files (glob patterns); one named twice counts twice')
    ap.add_argument('--drop-states', default='', help='comma-separated states to leave out of the --drop-from files')
    ap.add_argument('--drop-from', nargs='*', default=[], help='feature files (glob patterns) to drop --drop-states from')
    ap.add_argument('--init', default='', help='start from this checkpoint\'s weights with a fresh optimizer and schedule')
    ap.add_argument('--val', default=os.path.join(HERE, 'data/val-synth/features-48x128.f32'))
    ap.add_argument('--dev', default='', help='cached features of real crops, measured only (never trained on)')
    ap.add_argument('--ckpt', default=os.path.join(HERE, 'checkpoints/neck-last.pt'))
    ap.add_argument('--keys', default=os.path.join(HERE, 'out/models/ppocr_keys_v1.txt'),
                    help="start the head from the base head's columns for these characters ('' for random)")
    ap.add_argument('--epochs', type=int, default=30)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--epoch-size', type=int, default=0, help='plates per epoch, a random subset of all shards (0: all)')
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--head-lr', type=float, default=3e-3)
    ap.add_argument('--feature-dropout', type=float, default=0.1)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=5)
    ap.add_argument('--export-only', action='store_true')
    ap.add_argument('--out', default=os.path.join(HERE, 'out/plate-rec.onnx'))
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    proto, model = build_model(args.base, args.seed, keys=args.keys or None)
    trainable = params_after(model, CUT)
    for n, p in model.named_parameters():
        p.requires_grad_(n in trainable)
    head = [p for n, p in model.named_parameters() if n in (HEAD_W, HEAD_B)]
    neck = [p for n, p in model.named_parameters() if n in trainable and n not in (HEAD_W, HEAD_B)]
    opt = torch.optim.AdamW([{'params': neck, 'lr': args.lr}, {'params': head, 'lr': args.head_lr}], weight_decay=1e-4)
    base_lrs = [args.lr, args.head_lr]
    epoch = 0
    if os.path.exists(args.ckpt):
        state = torch.load(args.ckpt)
        model.load_state_dict(state['model'])
        opt.load_state_dict(state['opt'])
        epoch = state['epoch']
        torch.set_rng_state(state['torch_rng'])
        random.setstate(state['py_rng'])
        print('resumed from %s after epoch %d' % (args.ckpt, epoch), flush=True)
    elif args.init:
        model.load_state_dict(torch.load(args.init)['model'])
        print('initialized from %s' % args.init, flush=True)
    if args.export_only:
        export(proto, model, args.out)
        return
    print('training %d weights in %d tensors after %s' % (sum(p.numel() for p in neck + head), len(neck) + len(head), CUT), flush=True)
    vf, vl, _ = load_features(args.val)
    df, dl, _ = load_features(args.dev) if args.dev else (None, [], [])
    drop = tuple(x.strip().lower() for x in args.drop_states.split(',') if x.strip())
    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    while epoch < args.epochs:
        feats, labels, index = load_features(args.features, drop, args.drop_from)
        n = len(index)
        perm = torch.tensor(index)[torch.randperm(n)]
        if args.epoch_size:
            perm = perm[:args.epoch_size]
        steps_per_epoch = len(perm) // args.batch
        t0, running = time.time(), None
        for s in range(steps_per_epoch):
            progress = (epoch + s / steps_per_epoch) / args.epochs
            warm = min(1.0, (epoch * steps_per_epoch + s + 1) / 100)
            for gi, g in enumerate(opt.param_groups):
                g['lr'] = base_lrs[gi] * warm * max(0.02, 0.5 * (1 + math.cos(math.pi * progress)))
            idx = perm[s * args.batch:(s + 1) * args.batch]
            x = feats[idx].float().unsqueeze(2)
            if args.feature_dropout > 0:
                x = F.dropout(x, args.feature_dropout)
            texts = [labels[i] for i in idx.tolist()]
            y = torch.tensor([ALPHABET.index(c) + 1 for t in texts for c in t], dtype=torch.long)
            ylen = torch.tensor([len(t) for t in texts], dtype=torch.long)
            logp = F.log_softmax(model(x, start=CUT), dim=-1).permute(1, 0, 2)
            loss = F.ctc_loss(logp, y, torch.full((len(texts),), logp.shape[0], dtype=torch.long), ylen, blank=0, zero_infinity=True)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(neck + head, 5.0)
            opt.step()
            running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
            if s % 100 == 0:
                print('epoch %d step %d/%d loss %.3f %.0f img/s' % (epoch, s, steps_per_epoch, running,
                                                                   (s + 1) * args.batch / (time.time() - t0)), flush=True)
        epoch += 1
        torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'epoch': epoch, 'torch_rng': torch.get_rng_state(),
                    'py_rng': random.getstate(), 'args': vars(args)}, args.ckpt + '.tmp')
        os.replace(args.ckpt + '.tmp', args.ckpt)
        msg = 'epoch %d on %d of %d plates: loss %.3f' % (epoch, len(perm), n, running)
        if vf is not None:
            msg += '; synthetic val exact %.2f%%' % (100 * evaluate(model, vf, vl)[0])
        if df is not None:
            acc, misses = evaluate(model, df, dl)
            msg += '; dev crops exact %.2f%% (measured only)' % (100 * acc)
        print(msg, flush=True)
    export(proto, model, args.out)


if __name__ == '__main__':
    main()
