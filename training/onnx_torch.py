"""Runs an ONNX graph as a PyTorch module, so that its weights can be fine-tuned, and writes trained
weights back into the same graph.

Nodes run in their (topological) file order with torch ops. Float weight constants become
nn.Parameters (PaddleOCR's exports keep weights in Constant nodes, not initializers); batch-norm
statistics become buffers. Only the operator types PaddleOCR's PP-OCR recognizers use are supported;
any other type fails loudly with its name.
"""
import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper

ONNX_TO_TORCH_DTYPE = {1: torch.float32, 6: torch.int32, 7: torch.int64, 9: torch.bool, 10: torch.float16, 11: torch.float64}


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _safe(name):
    return name.replace('.', '_').replace('/', '_').replace(':', '_')


class OnnxGraphModule(nn.Module):
    """The graph of an ONNX model as a module; ``overrides`` replaces named constants (e.g. a new head)."""

    def __init__(self, model: onnx.ModelProto, overrides=None, output=None):
        super().__init__()
        overrides = overrides or {}
        g = model.graph
        self.input_name = g.input[0].name
        self.output_name = output or g.output[0].name
        self.nodes = []
        bn_stats = set()
        for n in g.node:
            if n.op_type == 'BatchNormalization':
                bn_stats.update(n.input[3:5])
        self.const_kind = {}   # onnx name -> ('param'|'buffer'|'const', key)
        self.consts = {}
        for init in g.initializer:
            self._add_const(init.name, numpy_helper.to_array(init), bn_stats, overrides)
        for n in g.node:
            if n.op_type == 'Constant':
                self._add_const(n.output[0], numpy_helper.to_array(_attrs_tensor(n)), bn_stats, overrides)
            else:
                self.nodes.append((n.op_type, list(n.input), list(n.output), _attrs(n)))

    def _add_const(self, name, array, bn_stats, overrides):
        if name in overrides:
            t = overrides[name]
            self.register_parameter(_safe(name), t if isinstance(t, nn.Parameter) else nn.Parameter(torch.as_tensor(t)))
            self.const_kind[name] = ('param', _safe(name))
            return
        t = torch.from_numpy(np.array(array, copy=True))
        if t.is_floating_point() and t.numel() > 1 and name not in bn_stats:
            self.register_parameter(_safe(name), nn.Parameter(t.float()))
            self.const_kind[name] = ('param', _safe(name))
        elif t.is_floating_point() and name in bn_stats:
            self.register_buffer(_safe(name), t.float())
            self.const_kind[name] = ('buffer', _safe(name))
        else:
            self.consts[name] = t
            self.const_kind[name] = ('const', name)

    def constant(self, name):
        kind, key = self.const_kind[name]
        if kind == 'const':
            return self.consts[key]
        return getattr(self, key)

    def forward(self, x, output=None, start=None):
        """Runs the graph on ``x`` (or, with ``start``, from the named inner tensor ``x``) up to ``output``."""
        want = output or self.output_name
        env = {(start or self.input_name): x}

        def get(name):
            if name == '':
                return None
            if name in env:
                return env[name]
            return self.constant(name)

        for op, ins, outs, at in self.nodes:
            if start is not None and any(i != '' and i not in env and i not in self.const_kind for i in ins):
                continue  # a node before the start tensor
            args = [get(i) for i in ins]
            res = self._run(op, args, at, ins)
            env[outs[0]] = res
            if outs[0] == want:
                return res
        return env[want]

    def _run(self, op, a, at, ins):
        if op == 'Conv':
            pads = at.get('pads', [0, 0, 0, 0])
            x = a[0]
            if pads[0] == pads[2] and pads[1] == pads[3]:
                padding = (pads[0], pads[1])
            else:
                x = F.pad(x, (pads[1], pads[3], pads[0], pads[2]))
                padding = (0, 0)
            return F.conv2d(x, a[1], a[2] if len(a) > 2 else None, tuple(at.get('strides', [1, 1])), padding,
                            tuple(at.get('dilations', [1, 1])), at.get('group', 1))
        if op == 'BatchNormalization':
            # statistics stay frozen (the model's real-image statistics); scale and shift train
            return F.batch_norm(a[0], a[3], a[4], a[1], a[2], False, 0.0, at.get('epsilon', 1e-5))
        if op == 'Add':
            return a[0] + a[1]
        if op == 'Sub':
            return a[0] - a[1]
        if op == 'Mul':
            return a[0] * a[1]
        if op == 'Div':
            if not a[0].is_floating_point() and not a[1].is_floating_point():
                return torch.div(a[0], a[1], rounding_mode='trunc')
            return a[0] / a[1]
        if op == 'Pow':
            return torch.pow(a[0], a[1])
        if op == 'Sqrt':
            return torch.sqrt(a[0])
        if op == 'Sigmoid':
            return torch.sigmoid(a[0])
        if op == 'Relu':
            return F.relu(a[0])
        if op == 'HardSigmoid':
            return torch.clamp(at.get('alpha', 0.2) * a[0] + at.get('beta', 0.5), 0, 1)
        if op == 'Clip':
            lo = a[1] if len(a) > 1 and a[1] is not None else None
            hi = a[2] if len(a) > 2 and a[2] is not None else None
            return torch.clamp(a[0], None if lo is None else float(lo), None if hi is None else float(hi))
        if op == 'MatMul':
            return torch.matmul(a[0], a[1])
        if op == 'Transpose':
            return a[0].permute(*at['perm'])
        if op == 'Softmax':
            return torch.softmax(a[0], dim=at.get('axis', -1))
        if op == 'ReduceMean':
            return a[0].mean(dim=tuple(at['axes']), keepdim=bool(at.get('keepdims', 1)))
        if op == 'GlobalAveragePool':
            return a[0].mean(dim=(2, 3), keepdim=True)
        if op == 'AveragePool':
            pads = at.get('pads', [0, 0, 0, 0])
            return F.avg_pool2d(a[0], tuple(at['kernel_shape']), tuple(at.get('strides', at['kernel_shape'])), (pads[0], pads[1]),
                                bool(at.get('ceil_mode', 0)), bool(at.get('count_include_pad', 0)))
        if op == 'Concat':
            return torch.cat(a, dim=at['axis'])
        if op == 'Squeeze':
            x = a[0]
            for ax in sorted(at['axes'], reverse=True):
                x = x.squeeze(ax)
            return x
        if op == 'Unsqueeze':
            x = a[0]
            for ax in sorted(at['axes']):
                x = x.unsqueeze(ax)
            return x
        if op == 'Shape':
            return torch.tensor(a[0].shape, dtype=torch.int64)
        if op == 'Cast':
            return a[0].to(ONNX_TO_TORCH_DTYPE[at['to']])
        if op == 'Slice':
            x = a[0]
            starts, ends = a[1].tolist(), a[2].tolist()
            axes = a[3].tolist() if len(a) > 3 and a[3] is not None else list(range(len(starts)))
            steps = a[4].tolist() if len(a) > 4 and a[4] is not None else [1] * len(starts)
            idx = [slice(None)] * x.dim()
            for s, e, ax, st in zip(starts, ends, axes, steps):
                size = x.shape[ax]
                s = max(0, min(size, s + size if s < 0 else s))
                e = max(0, min(size, e + size if e < 0 else e))
                idx[ax] = slice(s, e, st)
            return x[tuple(idx)]
        if op == 'Reshape':
            shape = [int(v) for v in a[1].tolist()]
            shape = [a[0].shape[i] if v == 0 else v for i, v in enumerate(shape)]
            return a[0].reshape(shape)
        raise NotImplementedError('ONNX operator %s is not supported (inputs %s)' % (op, ins))


def _attrs_tensor(node):
    for a in node.attribute:
        if a.name == 'value':
            return a.t
    raise ValueError('Constant node %s has no tensor value' % node.output[0])


def write_back(model: onnx.ModelProto, module: OnnxGraphModule, path, classes=None):
    """Saves ``model`` with every constant replaced by the module's current value; ``classes`` sets
    the output's last dimension (after a new head)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for n in m.graph.node:
        if n.op_type != 'Constant':
            continue
        name = n.output[0]
        kind, key = module.const_kind[name]
        if kind == 'const':
            continue
        value = getattr(module, key).detach().cpu().numpy().astype(np.float32)
        for a in n.attribute:
            if a.name == 'value':
                a.t.CopyFrom(numpy_helper.from_array(value, name))
    if classes is not None:
        for o in m.graph.output:
            o.type.tensor_type.shape.dim[-1].dim_value = classes
    del m.graph.value_info[:]
    onnx.checker.check_model(m)
    onnx.save(m, path)
