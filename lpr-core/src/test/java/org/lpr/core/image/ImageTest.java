package org.lpr.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lpr.core.ImageDecodeException;

class ImageTest {

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static BufferedImage redBox() {
        BufferedImage img = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                img.setRGB(x, y, x < 20 ? 0xFF0000 : 0x0000FF);
            }
        }
        return img;
    }

    @Test
    void decode_png_givesBgrPixels() throws IOException {
        Image image = Image.decode(encode(redBox(), "png"));
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(20);
        byte[] p = image.bgr();
        assertThat(new int[] {p[0] & 0xFF, p[1] & 0xFF, p[2] & 0xFF}).containsExactly(0, 0, 255);
        int right = (5 * 40 + 30) * 3;
        assertThat(new int[] {p[right] & 0xFF, p[right + 1] & 0xFF, p[right + 2] & 0xFF}).containsExactly(255, 0, 0);
    }

    @Test
    void decode_emptyBytes_isNamedAsEmpty() {
        assertThatThrownBy(() -> Image.decode(new byte[0], ImageLimits.DEFAULT, "zero.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("zero.jpg").hasMessageContaining("empty");
    }

    @Test
    void decode_textFile_isNotAnImage() {
        byte[] text = "this is not a picture\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Image.decode(text, ImageLimits.DEFAULT, "notes.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("notes.png").hasMessageContaining("not a recognised image");
    }

    @Test
    void decode_truncatedJpeg_isReportedAsCorrupt() throws IOException {
        byte[] jpeg = encode(redBox(), "jpg");
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 3);
        assertThatThrownBy(() -> Image.decode(cut, ImageLimits.DEFAULT, "cut.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("cut.jpg");
    }

    @Test
    void decode_hugeDimensionsInHeader_isRefusedBeforeDecoding() throws IOException {
        // a valid PNG header claiming 20000 x 20000 pixels; decoding it would need 1.2 GB
        byte[] png = encode(redBox(), "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 20000).putInt(20, 20000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        assertThatThrownBy(() -> Image.decode(png, ImageLimits.DEFAULT, "huge.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("huge.png").hasMessageContaining("20000x20000");
    }

    @Test
    void crop_isClippedToTheImage() throws IOException {
        Image image = Image.decode(encode(redBox(), "png"));
        Image crop = image.crop(30, 10, 50, 50);
        assertThat(crop.width()).isEqualTo(10);
        assertThat(crop.height()).isEqualTo(10);
        assertThatThrownBy(() -> image.crop(100, 100, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofBgr_wrongLength_isRejected() {
        assertThatThrownBy(() -> Image.ofBgr(10, 10, new byte[10])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 300");
    }
}
