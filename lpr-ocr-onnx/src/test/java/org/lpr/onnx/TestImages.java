package org.lpr.onnx;

import java.util.Arrays;
import org.lpr.core.image.Image;

/** Picture helpers for the tests and measuring harnesses in this folder. */
final class TestImages {
    private TestImages() {
    }

    /** A pixel-for-pixel copy of {@code img}: a new object, so nothing keyed by the original (SceneLines) follows it. */
    static Image copy(Image img) {
        return Image.ofBgr(img.width(), img.height(), img.bgr().clone());
    }

    /** {@code img} placed at {@code (ox, oy)} on a {@code w x h} canvas of grey level {@code fill}. */
    static Image placed(Image img, int w, int h, int ox, int oy, int fill) {
        byte[] out = new byte[w * h * 3];
        Arrays.fill(out, (byte) fill);
        for (int y = 0; y < img.height(); y++) {
            System.arraycopy(img.bgr(), y * img.width() * 3, out, ((y + oy) * w + ox) * 3, img.width() * 3);
        }
        return Image.ofBgr(w, h, out);
    }
}
