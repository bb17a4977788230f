package org.lpr.core.image;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lpr.core.ImageDecodeException;

class ImageTruncationTest {
    @Test
    void decode_jpegCutInsideItsScanData_isReportedAsTruncated() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        Random r = new Random(1);
        for (int i = 0; i < 500; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillRect(r.nextInt(640), r.nextInt(480), 40, 40);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        assertThatThrownBy(() -> Image.decode(cut, ImageLimits.DEFAULT, "half.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("half.jpg").hasMessageContaining("truncated");
    }
}
