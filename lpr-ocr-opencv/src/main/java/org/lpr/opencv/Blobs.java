package org.lpr.opencv;

import java.util.function.Consumer;
import org.lpr.core.image.Image;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/** Network inputs made from images, as NCHW float arrays, shared by every backend's preprocessing. */
final class Blobs {
    /** ImageNet mean and standard deviation, applied to B, G, R in that order as PaddleOCR's detector does. */
    private static final double[] DET_MEAN = {0.485 * 255, 0.456 * 255, 0.406 * 255};
    private static final double[] DET_STD = {0.229 * 255, 0.224 * 255, 0.225 * 255};

    private Blobs() {
    }

    /** PaddleOCR recognizer input: resized to {@code h} high keeping aspect, at most {@code w} wide, [-1, 1], zero-padded right. */
    static float[] recognizerInput(Image crop, int h, int w) {
        int rw = (int) Math.min(w, Math.ceil(h * (double) crop.width() / crop.height()));
        rw = Math.max(1, rw);
        byte[] px = resized(crop, rw, h);
        float[] out = new float[3 * h * w];
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < rw; x++) {
                int s = (y * rw + x) * 3;
                int d = y * w + x;
                for (int c = 0; c < 3; c++) {
                    out[c * plane + d] = (px[s + c] & 0xFF) / 127.5f - 1f;
                }
            }
        }
        return out;
    }

    /** PaddleOCR detector input: the image resized to {@code w x h}, normalized per channel. */
    static float[] detectorInput(Image image, int w, int h) {
        byte[] px = resized(image, w, h);
        float[] out = new float[3 * h * w];
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                out[c * plane + i] = (float) (((px[i * 3 + c] & 0xFF) - DET_MEAN[c]) / DET_STD[c]);
            }
        }
        return out;
    }

    /** BGR bytes of the image resized (bilinear) to {@code w x h}. */
    static byte[] resized(Image image, int w, int h) {
        if (image.width() == w && image.height() == h) {
            return image.bgr();
        }
        Mat src = Mats.of(image);
        Mat dst = new Mat();
        try {
            Imgproc.resize(src, dst, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
            byte[] out = new byte[w * h * 3];
            dst.get(0, 0, out);
            return out;
        } finally {
            src.release();
            dst.release();
        }
    }

    /** An NCHW float Mat of {@code data}. */
    static Mat nchw(float[] data, int n, int c, int h, int w) {
        Mat m = new Mat(new int[] {n, c, h, w}, CvType.CV_32F);
        m.put(new int[] {0, 0, 0, 0}, data);
        return m;
    }

    /** The floats of {@code net}'s output for the NCHW input {@code data}, every Mat released. */
    static float[] forward(Net net, float[] data, int n, int c, int h, int w) {
        return forward(net, data, n, c, h, w, out -> { });
    }

    /**
     * The floats of {@code net}'s output for the NCHW input {@code data}, after {@code check} has seen the
     * output (it throws to reject an output of the wrong shape); every Mat released.
     */
    static float[] forward(Net net, float[] data, int n, int c, int h, int w, Consumer<Mat> check) {
        Mat blob = nchw(data, n, c, h, w);
        try {
            net.setInput(blob);
            Mat out = net.forward();
            try {
                check.accept(out);
                return floats(out);
            } finally {
                out.release();
            }
        } finally {
            blob.release();
        }
    }

    /** All floats of a network output. */
    static float[] floats(Mat out) {
        float[] data = new float[(int) out.total()];
        int[] zero = new int[out.dims()];
        out.get(zero, data);
        return data;
    }
}
