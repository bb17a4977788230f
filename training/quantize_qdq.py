#!/usr/bin/python3
"""Static int8 quantization (QDQ format) of PaddleOCR's DB text detector, with only python3-onnx and numpy; and the
float rewrite (simplify) of the PP-LCNetV3 models: that detector, PP-OCRv4's recognizer and plate-rec-v3.

ONNX Runtime's Python quantizer is not available here, so this does by hand what its QDQ mode does for convolutions:

* simplify (float, same function): Constant nodes become initializers; BatchNormalization right after a Conv is
  folded into it; a Conv followed by ``Mul(scalar)`` and ``Add(scalar)`` (PP-LCNetV3's learnable affine blocks) gets
  them folded into its weights and bias; ``x * clip(x + 3, 0, 6) / 6`` becomes one ``HardSwish`` (opset 14).
  Raising the opset to 14: Squeeze and Unsqueeze take their axes as an input (an attribute before 13); a model above
  opset 14, or with a Softmax, LogSoftmax or Hardmax over any but the last axis (their meaning changed at 13), is
  refused.
* calibration outputs: every tensor that is the input or output of a quantized Conv is added as a graph output, so a
  run of the float model gives its values (``DetCalibration`` in lpr-ocr-onnx's tests runs it and writes ranges).
* qdq: activations U8, asymmetric, per tensor: a QuantizeLinear/DequantizeLinear pair on each quantized Conv's input
  and output tensor; weights S8 per output channel, symmetric (zero point 0, DequantizeLinear axis 0); bias int32 with
  scale x_scale * w_scale[c]. ONNX Runtime fuses DQ -> Conv -> Q into QLinearConv at optimization level EXTENDED/ALL.
  Left in float: the squeeze-excitation Convs (1x1 on a pooled 1x1 tensor: nothing to gain), ConvTranspose, the
  head's BatchNormalization/Relu/Sigmoid and all element-wise ops.

Usage:
  quantize_qdq.py simplify IN.onnx OUT.onnx
  quantize_qdq.py calib-outputs SIMPLIFIED.onnx OUT.onnx NAMES.txt
  quantize_qdq.py qdq SIMPLIFIED.onnx RANGES.tsv OUT.onnx [--skip CONVNAME,...]
RANGES.tsv: name, then low and high of the range (one tensor a line), from DetCalibration.
"""
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto

OPSET = 14


def consumers(graph):
    c = {}
    for n in graph.node:
        for i in n.input:
            c.setdefault(i, []).append(n)
    return c


def producers(graph):
    return {o: n for n in graph.node for o in n.output}


def constants_to_initializers(model):
    g = model.graph
    keep = []
    for n in g.node:
        if n.op_type == 'Constant' and len(n.attribute) == 1 and n.attribute[0].name == 'value':
            t = numpy_helper.from_array(numpy_helper.to_array(n.attribute[0].t), n.output[0])
            g.initializer.append(t)
        else:
            keep.append(n)
    del g.node[:]
    g.node.extend(keep)


def inits(model):
    return {t.name: t for t in model.graph.initializer}


def arr(model, name):
    return numpy_helper.to_array(inits(model)[name])


def set_init(model, name, value):
    g = model.graph
    for i, t in enumerate(g.initializer):
        if t.name == name:
            g.initializer.remove(t)
            break
    g.initializer.append(numpy_helper.from_array(np.asarray(value), name))


def scalar_const(model, name):
    ini = inits(model)
    if name not in ini:
        return None
    a = numpy_helper.to_array(ini[name])
    return float(a.reshape(-1)[0]) if a.size == 1 else None


def conv_bias(model, conv):
    w = arr(model, conv.input[1])
    if len(conv.input) > 2 and conv.input[2]:
        return arr(model, conv.input[2])
    b_name = conv.name + '_bias'
    conv.input.append(b_name)
    set_init(model, b_name, np.zeros(w.shape[0], np.float32))
    return arr(model, b_name)


def rewire(graph, old, new):
    for n in graph.node:
        for k, i in enumerate(n.input):
            if i == old:
                n.input[k] = new


def fold_into_convs(model):
    """Folds BatchNormalization and scalar Mul/Add that directly follow a Conv (sole consumer) into the Conv."""
    g = model.graph
    changed = True
    folded = 0
    while changed:
        changed = False
        cons = consumers(g)
        outs = {o.name for o in g.output}
        for conv in list(g.node):
            if conv.op_type != 'Conv':
                continue
            y = conv.output[0]
            users = cons.get(y, [])
            if len(users) != 1 or y in outs:
                continue
            nxt = users[0]
            w = arr(model, conv.input[1]).astype(np.float64)
            b = conv_bias(model, conv).astype(np.float64)
            if nxt.op_type == 'BatchNormalization' and nxt.input[0] == y:
                scale, bias, mean, var = (arr(model, nxt.input[k]).astype(np.float64) for k in range(1, 5))
                eps = 1e-5
                for a in nxt.attribute:
                    if a.name == 'epsilon':
                        eps = a.f
                f = scale / np.sqrt(var + eps)
                w = w * f.reshape(-1, 1, 1, 1)
                b = (b - mean) * f + bias
            elif nxt.op_type in ('Mul', 'Add'):
                other = nxt.input[1] if nxt.input[0] == y else nxt.input[0]
                s = scalar_const(model, other)
                if s is None:
                    continue
                if nxt.op_type == 'Mul':
                    w = w * s
                    b = b * s
                else:
                    b = b + s
            else:
                continue
            set_init(model, conv.input[1], w.astype(np.float32))
            set_init(model, conv.input[2], b.astype(np.float32))
            new_out = nxt.output[0]
            g.node.remove(nxt)
            conv.output[0] = new_out
            folded += 1
            changed = True
            break
    return folded


def fuse_hardswish(model):
    """x * clip(x + 3, 0, 6) / 6 (Add, Clip, Mul, Div as Paddle exports it) -> HardSwish(x)."""
    g = model.graph
    fused = 0
    while True:
        cons = consumers(g)
        prod = producers(g)
        found = None
        for div in g.node:
            if div.op_type != 'Div' or scalar_const(model, div.input[1]) != 6.0:
                continue
            mul = prod.get(div.input[0])
            if mul is None or mul.op_type != 'Mul':
                continue
            clip = None
            x = None
            for k in (0, 1):
                p = prod.get(mul.input[k])
                if p is not None and p.op_type == 'Clip':
                    clip, x = p, mul.input[1 - k]
            if clip is None or scalar_const(model, clip.input[1]) != 0.0 or scalar_const(model, clip.input[2]) != 6.0:
                continue
            add = prod.get(clip.input[0])
            if add is None or add.op_type != 'Add' or x not in add.input:
                continue
            other = add.input[1] if add.input[0] == x else add.input[0]
            if scalar_const(model, other) != 3.0:
                continue
            if len(cons[add.output[0]]) != 1 or len(cons[clip.output[0]]) != 1 or len(cons[mul.output[0]]) != 1:
                continue
            found = (x, add, clip, mul, div)
            break
        if found is None:
            return fused
        x, add, clip, mul, div = found
        idx = list(g.node).index(div)
        hs = helper.make_node('HardSwish', [x], [div.output[0]], name='hardswish_%d' % fused)
        for n in (add, clip, mul, div):
            g.node.remove(n)
        g.node.insert(idx - 3, hs)
        fused += 1


def affine_before(model, t):
    """If tensor t is Add(Mul(h, s), a) with scalar s, a and single-consumer links, returns (h, s, a, mul, add)."""
    g = model.graph
    prod = producers(g)
    cons = consumers(g)
    add = prod.get(t)
    if add is None or add.op_type != 'Add':
        return None
    mul, a = None, None
    for k in (0, 1):
        p = prod.get(add.input[k])
        c = scalar_const(model, add.input[1 - k])
        if p is not None and p.op_type == 'Mul' and c is not None:
            mul, a = p, c
    if mul is None or len(cons[mul.output[0]]) != 1:
        return None
    for k in (0, 1):
        s = scalar_const(model, mul.input[1 - k])
        if s is not None and mul.input[k] not in inits(model):
            return mul.input[k], s, a, mul, add
    return None


def unpadded(conv):
    for a in conv.attribute:
        if a.name == 'pads' and any(a.ints):
            return False
        if a.name == 'auto_pad' and a.s not in (b'', b'NOTSET', b'VALID'):
            return False
    return True


def fold_affine_into_next_convs(model):
    """h -> Mul(s) -> Add(a) -> Conv(s) without padding: exactly conv(h) with weights W*s and bias b + a*sum(W)."""
    g = model.graph
    folded = 0
    for add in [n for n in g.node if n.op_type == 'Add']:
        t = add.output[0]
        found = affine_before(model, t)
        users = consumers(g).get(t, [])
        if found is None or not users or t in {o.name for o in g.output}:
            continue
        if not all(u.op_type == 'Conv' and u.input[0] == t and unpadded(u) for u in users):
            continue
        h, s, a, mul, _ = found
        for u in users:
            w = arr(model, u.input[1]).astype(np.float64)
            b = conv_bias(model, u).astype(np.float64)
            set_init(model, u.input[2], (b + a * w.reshape(w.shape[0], -1).sum(axis=1)).astype(np.float32))
            set_init(model, u.input[1], (w * s).astype(np.float32))
            u.input[0] = h
        g.node.remove(mul)
        g.node.remove(add)
        folded += 1
    return folded


def axes_to_inputs(model):
    """Squeeze and Unsqueeze take their axes as an input from opset 13 on (an attribute before): moved there."""
    moved = 0
    for n in model.graph.node:
        if n.op_type not in ('Squeeze', 'Unsqueeze'):
            continue
        axes = [a for a in n.attribute if a.name == 'axes']
        if not axes:
            continue
        name = '%s_axes' % n.output[0]
        model.graph.initializer.append(numpy_helper.from_array(np.asarray(list(axes[0].ints), dtype=np.int64), name))
        n.attribute.remove(axes[0])
        n.input.append(name)
        moved += 1
    return moved


SAME_RANK = {'Add', 'Mul', 'Sub', 'Div', 'Pow', 'Sqrt', 'Sigmoid', 'Relu', 'HardSigmoid', 'HardSwish', 'Clip', 'Cast',
             'Softmax', 'LogSoftmax', 'Hardmax', 'Slice', 'Concat', 'BatchNormalization', 'Conv', 'MatMul'}


def tensor_ranks(model):
    """Each tensor's rank where it can be told: ONNX shape inference, then the graph's ops in order (a Transpose's
    perm, a Squeeze's axes, a constant Reshape target, element-wise ops and MatMul as their highest-rank input)."""
    inferred = onnx.shape_inference.infer_shapes(model)
    ranks = {v.name: len(v.type.tensor_type.shape.dim)
             for v in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output)
             if v.type.tensor_type.HasField('shape')}
    ini = inits(model)
    for t in ini.values():
        ranks.setdefault(t.name, len(t.dims))
    for n in model.graph.node:
        if n.output[0] in ranks:
            continue
        att = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
        ins = [ranks.get(i) for i in n.input if i]
        r = None
        if n.op_type == 'Transpose' and 'perm' in att:
            r = len(att['perm'])
        elif n.op_type in ('Squeeze', 'Unsqueeze') and ins and ins[0] is not None:
            axes = att.get('axes')
            if axes is None and len(n.input) > 1 and n.input[1] in ini:
                axes = numpy_helper.to_array(ini[n.input[1]]).tolist()
            if axes is not None:
                r = ins[0] - len(axes) if n.op_type == 'Squeeze' else ins[0] + len(axes)
        elif n.op_type == 'Reshape' and len(n.input) > 1 and n.input[1] in ini:
            r = int(numpy_helper.to_array(ini[n.input[1]]).size)
        elif n.op_type in SAME_RANK and ins and all(x is not None for x in ins):
            r = max(ins)
        if r is not None:
            ranks[n.output[0]] = r
    return ranks


def check_opset_raise(model):
    """Refuses a model that raising its opset to OPSET would change (see the module comment)."""
    version = model.opset_import[0].version
    if version > OPSET:
        raise SystemExit('opset %d is above %d: simplify would lower it' % (version, OPSET))
    if version >= 13:
        return
    ranks = tensor_ranks(model)
    for n in model.graph.node:
        if n.op_type not in ('Softmax', 'LogSoftmax', 'Hardmax'):
            continue
        axis = next((a.i for a in n.attribute if a.name == 'axis'), 1)
        rank = ranks.get(n.input[0])
        if rank is None or axis % rank != rank - 1:
            raise SystemExit('%s %s works over axis %d of a rank-%s input: its meaning changes at opset 13'
                             % (n.op_type, n.name, axis, rank))


def simplify(src, dst):
    model = onnx.load(src)
    check_opset_raise(model)
    constants_to_initializers(model)
    folded = fold_into_convs(model)
    moved = axes_to_inputs(model)
    model.opset_import[0].version = OPSET
    fused = fuse_hardswish(model)
    folded_next = fold_affine_into_next_convs(model)
    # unused initializers (the folded BatchNormalization parameters, scalars)
    used = {i for n in model.graph.node for i in n.input}
    keep = [t for t in model.graph.initializer if t.name in used]
    del model.graph.initializer[:]
    model.graph.initializer.extend(keep)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print('folded %d ops into convs, fused %d hardswish, folded %d affine blocks into the next 1x1 convs, moved %d axes'
          % (folded, fused, folded_next, moved))


def quantized_convs(model, skip=()):
    """The Convs to quantize: all but the squeeze-excitation ones (fed by GlobalAveragePool, directly or through Relu)."""
    g = model.graph
    prod = producers(g)
    out = []
    for n in g.node:
        if n.op_type != 'Conv' or n.name in skip:
            continue
        p = prod.get(n.input[0])
        if p is not None and p.op_type == 'GlobalAveragePool':
            continue
        if p is not None and p.op_type == 'Relu':
            pp = prod.get(p.input[0])
            if pp is not None and pp.op_type == 'Conv' and prod.get(pp.input[0]) is not None \
                    and prod[pp.input[0]].op_type == 'GlobalAveragePool':
                continue
        out.append(n)
    return out


def activation_tensors(model, convs):
    names = []
    for n in convs:
        for t in (n.input[0], n.output[0]):
            if t not in names:
                names.append(t)
    return names


def calib_outputs(src, dst, names_file, skip=()):
    model = onnx.load(src)
    names = activation_tensors(model, quantized_convs(model, skip))
    existing = {o.name for o in model.graph.output}
    for t in names:
        if t not in existing:
            model.graph.output.append(helper.make_tensor_value_info(t, TensorProto.FLOAT, None))
    onnx.save(model, dst)
    with open(names_file, 'w') as f:
        f.write('\n'.join(names) + '\n')
    print('%d tensors to calibrate' % len(names))


def u8_params(lo, hi):
    lo = min(lo, 0.0)
    hi = max(hi, 0.0)
    if hi - lo < 1e-8:
        hi = lo + 1e-8
    scale = (hi - lo) / 255.0
    zp = int(round(-lo / scale))
    return np.float32(scale), np.uint8(min(255, max(0, zp)))


def qdq(src, ranges_file, dst, skip=()):
    model = onnx.load(src)
    g = model.graph
    ranges = {}
    for line in open(ranges_file):
        parts = line.split()
        if len(parts) >= 3:
            ranges[parts[0]] = (float(parts[1]), float(parts[2]))
    convs = quantized_convs(model, skip)
    tensors = activation_tensors(model, convs)
    conv_input = {n.name: n.input[0] for n in convs}
    act = {}
    new_nodes = []
    conv_names = {n.name for n in convs}
    absorbed = 0
    for t in tensors:
        lo, hi = ranges[t]
        # a tensor read only by HardSwish (0 below -3) or Relu (0 below 0) needs no range below that: finer steps
        readers = consumers(g).get(t, [])
        if readers and all(r.op_type == 'HardSwish' for r in readers):
            lo = max(lo, -3.0)
        elif readers and all(r.op_type == 'Relu' for r in readers):
            lo = max(lo, 0.0)
        s, z = u8_params(lo, hi)
        q_in, q_scale, q_zp = t, s, z
        # h -> Mul(m) -> Add(a) -> t feeding only quantized convs: quantize h directly with scale S/m and zero point
        # Z + a/S, which gives the very bytes of t's quantization (S, Z) when a/S is an integer k (S is nudged so);
        # QLinearConv pads with Z, i.e. t = 0, as the float conv does
        found = affine_before(model, t)
        users = consumers(g).get(t, [])
        if found is not None and users and all(u.name in conv_names for u in users) and found[1] > 0 \
                and not os.environ.get('QDQ_NO_ABSORB'):
            h, m, a, mul, add = found
            k = int(round(a / float(s)))
            if k != 0:
                s = np.float32(a / k)
                z = int(round(-min(lo, 0.0) / float(s)))
                if 0 <= z <= 255 and 0 <= z + k <= 255 and (255 - z) * float(s) >= hi * 0.98:
                    q_in, q_scale, q_zp = h, np.float32(s / m), np.uint8(z + k)
                    z = np.uint8(z)
                    g.node.remove(mul)
                    g.node.remove(add)
                    absorbed += 1
                else:
                    s, z = u8_params(lo, hi)
        act[t] = s
        set_init(model, t + '_scale', s)
        set_init(model, t + '_zp', z)
        if q_in != t:
            set_init(model, t + '_qscale', q_scale)
            set_init(model, t + '_qzp', q_zp)
        rewire(g, t, t + '_dq')
        new_nodes.append(helper.make_node('QuantizeLinear', [q_in, t + ('_qscale' if q_in != t else '_scale'),
                                                              t + ('_qzp' if q_in != t else '_zp')], [t + '_q'],
                                          name=t + '_Q'))
        new_nodes.append(helper.make_node('DequantizeLinear', [t + '_q', t + '_scale', t + '_zp'], [t + '_dq'],
                                          name=t + '_DQ'))
    for o in g.output:
        if o.name in act:
            raise SystemExit('graph output %s cannot be quantized' % o.name)
    for conv in convs:
        x_scale = act[conv_input[conv.name]]
        w = arr(model, conv.input[1]).astype(np.float32)
        b = conv_bias(model, conv).astype(np.float64)
        w_scale = np.abs(w).reshape(w.shape[0], -1).max(axis=1) / 127.0
        w_scale = np.where(w_scale < 1e-12, 1.0, w_scale).astype(np.float32)
        wq = np.clip(np.round(w / w_scale.reshape(-1, 1, 1, 1)), -127, 127).astype(np.int8)
        b_scale = (np.float64(x_scale) * w_scale.astype(np.float64)).astype(np.float32)
        bq = np.round(b / b_scale.astype(np.float64)).astype(np.int64)
        bq = np.clip(bq, -2 ** 31, 2 ** 31 - 1).astype(np.int32)
        wn, bn = conv.name + '_w', conv.name + '_b'
        set_init(model, wn + '_q', wq)
        set_init(model, wn + '_scale', w_scale)
        set_init(model, wn + '_zp', np.zeros(w.shape[0], np.int8))
        set_init(model, bn + '_q', bq)
        set_init(model, bn + '_scale', b_scale)
        set_init(model, bn + '_zp', np.zeros(w.shape[0], np.int32))
        new_nodes.append(helper.make_node('DequantizeLinear', [wn + '_q', wn + '_scale', wn + '_zp'], [wn + '_dq'],
                                          name=wn + '_DQ', axis=0))
        new_nodes.append(helper.make_node('DequantizeLinear', [bn + '_q', bn + '_scale', bn + '_zp'], [bn + '_dq'],
                                          name=bn + '_DQ', axis=0))
        conv.input[1] = wn + '_dq'
        conv.input[2] = bn + '_dq'
    # the Q/DQ nodes go anywhere as long as the graph stays topologically sorted: sort it
    nodes = list(g.node) + new_nodes
    available = {i.name for i in g.input} | {t.name for t in g.initializer}
    ordered = []
    pending = nodes
    while pending:
        rest = []
        for n in pending:
            if all((not i) or i in available for i in n.input):
                ordered.append(n)
                available.update(n.output)
            else:
                rest.append(n)
        if len(rest) == len(pending):
            raise SystemExit('graph has a cycle or a missing input: %s' % rest[0])
        pending = rest
    del g.node[:]
    g.node.extend(ordered)
    used = {i for n in g.node for i in n.input}
    keep = [t for t in g.initializer if t.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print('quantized %d convs, %d activation tensors, %d affine blocks absorbed into QuantizeLinear'
          % (len(convs), len(tensors), absorbed))


def main(argv):
    skip = ()
    if '--skip' in argv:
        k = argv.index('--skip')
        skip = tuple(argv[k + 1].split(','))
        argv = argv[:k] + argv[k + 2:]
    cmd = argv[1]
    if cmd == 'simplify':
        simplify(argv[2], argv[3])
    elif cmd == 'calib-outputs':
        calib_outputs(argv[2], argv[3], argv[4], skip)
    elif cmd == 'qdq':
        qdq(argv[2], argv[3], argv[4], skip)
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
