"""Writes band-slots.onnx: a tiny fixed-slot plate "reader" laid out as fast-plate-ocr's models are (input uint8 NHWC
[N, 64, 128, 3] RGB, output [N, 8, 37] slot logits over 0-9, A-Z and the pad '_'), for FixedSlotModelTest.

It reads no characters: slot k's class is told by the mean red value of the k-th 16-pixel-wide column band, class c
where red is nearest 7 * c (logit -(red - 7c)^2 / 10). So a test image of eight red bands spells a known text through
the SDK's whole fixed-slot path (uint8 NHWC tensor, RGB order, slot decoding, pad); fed BGR or NCHW it would
spell another text or fail. Run with Debian's python3-onnx: /usr/bin/python3 make_band_model.py
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SLOTS, CLASSES, H, W = 8, 37, 64, 128
centres = (7.0 * np.arange(CLASSES, dtype=np.float32)).reshape(1, 1, CLASSES)
nodes = [
    helper.make_node("Cast", ["input"], ["f"], to=TensorProto.FLOAT),
    # red channel only: [N, H, W, 1]
    helper.make_node("Slice", ["f", "c0", "c1", "c3"], ["red"]),
    # mean over rows and the one channel: [N, W]; then [N, SLOTS, W / SLOTS] and the mean of each band: [N, SLOTS, 1]
    helper.make_node("ReduceMean", ["red"], ["cols"], axes=[1, 3], keepdims=0),
    helper.make_node("Reshape", ["cols", "bands_shape"], ["bands"]),
    helper.make_node("ReduceMean", ["bands"], ["level"], axes=[2], keepdims=1),
    helper.make_node("Sub", ["level", "centres"], ["d"]),
    helper.make_node("Mul", ["d", "d"], ["d2"]),
    helper.make_node("Mul", ["d2", "scale"], ["output"]),
]
inits = [
    numpy_helper.from_array(np.array([0], dtype=np.int64), "c0"),
    numpy_helper.from_array(np.array([1], dtype=np.int64), "c1"),
    numpy_helper.from_array(np.array([3], dtype=np.int64), "c3"),
    numpy_helper.from_array(np.array([-1, SLOTS, W // SLOTS], dtype=np.int64), "bands_shape"),
    numpy_helper.from_array(centres, "centres"),
    numpy_helper.from_array(np.array([-1.0 / 10], dtype=np.float32), "scale"),
]
graph = helper.make_graph(
    nodes, "band-slots",
    [helper.make_tensor_value_info("input", TensorProto.UINT8, ["N", H, W, 3])],
    [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["N", SLOTS, CLASSES])],
    inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)], producer_name="lpr-tests")
model.ir_version = 6
onnx.checker.check_model(model)
onnx.save(model, os.path.join(os.path.dirname(os.path.abspath(__file__)), "band-slots.onnx"))
