package org.lpr.opencv;

import org.lpr.core.image.Image;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies between core's BGR {@link Image} and OpenCV's {@code CV_8UC3} {@link Mat}. */
final class Mats {
    private Mats() {
    }

    /** A new {@code CV_8UC3} Mat holding a copy of the image's pixels; the caller releases it. */
    static Mat of(Image image) {
        Natives.load();
        Mat m = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        m.put(0, 0, image.bgr());
        return m;
    }

    /** A copy of a {@code CV_8UC3} Mat as an image. */
    static Image toImage(Mat m) {
        if (m.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel Mat, got " + CvType.typeToString(m.type()));
        }
        Mat src = m.isContinuous() ? m : m.clone();
        try {
            byte[] bgr = new byte[(int) (src.total() * 3)];
            src.get(0, 0, bgr);
            return Image.ofBgr(src.cols(), src.rows(), bgr);
        } finally {
            if (src != m) {
                src.release();
            }
        }
    }
}
