package org.lpr.opencv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.lpr.core.ModelLoadException;

/**
 * Fixes the dimensions of an ONNX model's first input, rewriting the protobuf in place of the
 * symbolic ones. OpenCV 4.9's importer folds {@code Shape} nodes at load time, so models exported
 * with dynamic sizes (PaddleOCR's SVTR recognizer reshapes by its input's width) only import with
 * concrete sizes. The weights and operators are left as they are: the model computes the same
 * function, only for the one input size.
 */
final class OnnxInputShape {
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INPUT = 11;
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;

    private OnnxInputShape() {
    }

    /** The model with its first input's shape set to {@code dims}. */
    static byte[] fix(byte[] model, long[] dims, String modelName) {
        boolean[] done = {false};
        byte[] out = rewrite(model, MODEL_GRAPH, graph -> rewrite(graph, GRAPH_INPUT, input -> {
            if (done[0]) {
                return input;
            }
            done[0] = true;
            return rewrite(input, VALUE_INFO_TYPE, type -> rewrite(type, TYPE_TENSOR, tensor -> replaceShape(tensor, dims)));
        }));
        if (!done[0]) {
            throw new ModelLoadException(modelName + ": not an ONNX model with a graph input");
        }
        return out;
    }

    /** The name of the model's first input. */
    static String firstInputName(byte[] model) {
        String[] name = {null};
        rewrite(model, MODEL_GRAPH, graph -> rewrite(graph, GRAPH_INPUT, input -> {
            if (name[0] == null) {
                rewrite(input, VALUE_INFO_NAME, n -> {
                    name[0] = new String(n, StandardCharsets.UTF_8);
                    return n;
                });
            }
            return input;
        }));
        if (name[0] == null) {
            throw new ModelLoadException("not an ONNX model with a graph input");
        }
        return name[0];
    }

    private static byte[] replaceShape(byte[] tensor, long[] dims) {
        ByteArrayOutputStream shape = new ByteArrayOutputStream();
        for (long d : dims) {
            ByteArrayOutputStream dim = new ByteArrayOutputStream();
            varint(dim, (DIM_VALUE << 3));
            varint(dim, d);
            varint(shape, (SHAPE_DIM << 3) | 2);
            varint(shape, dim.size());
            shape.writeBytes(dim.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(tensor.length + 32);
        boolean written = false;
        Reader r = new Reader(tensor);
        while (r.more()) {
            int start = r.pos;
            long tag = r.varint();
            int field = (int) (tag >>> 3);
            r.skip((int) (tag & 7));
            if (field == TENSOR_SHAPE) {
                if (!written) {
                    varint(out, (TENSOR_SHAPE << 3) | 2);
                    varint(out, shape.size());
                    out.writeBytes(shape.toByteArray());
                    written = true;
                }
            } else {
                out.write(tensor, start, r.pos - start);
            }
        }
        if (!written) {
            varint(out, (TENSOR_SHAPE << 3) | 2);
            varint(out, shape.size());
            out.writeBytes(shape.toByteArray());
        }
        return out.toByteArray();
    }

    /** Copies a message, passing every length-delimited field numbered {@code field} through {@code f}. */
    private static byte[] rewrite(byte[] message, int field, java.util.function.UnaryOperator<byte[]> f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        Reader r = new Reader(message);
        while (r.more()) {
            int start = r.pos;
            long tag = r.varint();
            int wire = (int) (tag & 7);
            if ((tag >>> 3) == field && wire == 2) {
                int len = (int) r.varint();
                byte[] body = r.bytes(len);
                byte[] changed = f.apply(body);
                varint(out, tag);
                varint(out, changed.length);
                out.writeBytes(changed);
            } else {
                r.skip(wire);
                out.write(message, start, r.pos - start);
            }
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return pos < b.length;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= b.length) {
                    throw new ModelLoadException("corrupt ONNX model: truncated varint at byte " + pos);
                }
                int x = b[pos++] & 0xFF;
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw new ModelLoadException("corrupt ONNX model: varint too long at byte " + pos);
        }

        byte[] bytes(int len) {
            if (len < 0 || pos + len > b.length) {
                throw new ModelLoadException("corrupt ONNX model: field of " + len + " bytes at byte " + pos + " runs past the end");
            }
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + len);
            pos += len;
            return out;
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> advance((int) varint());
                case 5 -> advance(4);
                default -> throw new ModelLoadException("corrupt ONNX model: unsupported protobuf wire type " + wire + " at byte " + pos);
            }
        }

        private void advance(int n) {
            if (n < 0 || pos + n > b.length) {
                throw new ModelLoadException("corrupt ONNX model: field runs past the end at byte " + pos);
            }
            pos += n;
        }
    }
}
