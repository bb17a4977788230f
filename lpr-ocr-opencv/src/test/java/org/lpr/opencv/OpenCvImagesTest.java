package org.lpr.opencv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.ImageDecodeException;
import org.lpr.core.image.Image;
import org.lpr.core.image.ImageLimits;

class OpenCvImagesTest {
    private final Image plate = SyntheticPlates.crop("ABC1234");

    @Test
    void decode_png_givesTheSamePixels() {
        Image back = OpenCvImages.decode(OpenCvImages.encodePng(plate));
        assertThat(back.width()).isEqualTo(plate.width());
        assertThat(back.height()).isEqualTo(plate.height());
        assertThat(back.bgr()).isEqualTo(plate.bgr());
    }

    @Test
    void decode_jpeg_givesTheImageWithinJpegLoss() {
        Image back = OpenCvImages.decode(OpenCvImages.encodeJpeg(plate, 95));
        assertThat(back.width()).isEqualTo(plate.width());
        double diff = 0;
        for (int i = 0; i < back.bgr().length; i++) {
            diff += Math.abs((back.bgr()[i] & 0xFF) - (plate.bgr()[i] & 0xFF));
        }
        assertThat(diff / back.bgr().length).isLessThan(4);
    }

    @Test
    void decode_bmpAndGif_areRead() throws Exception {
        for (String format : new String[] {"bmp", "gif"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(plate.toBufferedImage(), format, out);
            Image back = OpenCvImages.decode(out.toByteArray());
            assertThat(back.width()).as(format).isEqualTo(plate.width());
            assertThat(back.height()).as(format).isEqualTo(plate.height());
        }
    }

    @Test
    void read_file_decodesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plate.png");
        Files.write(file, OpenCvImages.encodePng(plate));
        assertThat(OpenCvImages.read(file).bgr()).isEqualTo(plate.bgr());
    }

    @Test
    void decode_empty_namesTheProblem() {
        assertThatThrownBy(() -> OpenCvImages.decode(new byte[0], ImageLimits.DEFAULT, "zero.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessage("zero.jpg: empty (0 bytes), not an image");
    }

    @Test
    void decode_textFile_isNotAnImage() {
        byte[] text = "plate,state\nABC123,mo\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> OpenCvImages.decode(text, ImageLimits.DEFAULT, "notes.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("notes.png: not a recognised image format");
    }

    @Test
    void decode_truncatedJpeg_isReportedTruncated() {
        byte[] jpeg = OpenCvImages.encodeJpeg(plate, 90);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThatThrownBy(() -> OpenCvImages.decode(cut, ImageLimits.DEFAULT, "cut.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("cut.jpg: truncated JPEG");
    }

    @Test
    void decode_pngWithGarbageData_isReportedCorrupt() {
        byte[] png = OpenCvImages.encodePng(plate);
        byte[] broken = png.clone();
        for (int i = 40; i < broken.length - 20; i++) {
            broken[i] = (byte) (i * 31);
        }
        assertThatThrownBy(() -> OpenCvImages.decode(broken, ImageLimits.DEFAULT, "broken.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("broken.png: corrupt");
    }

    @Test
    void decode_hugePngHeader_isRejectedBeforeDecoding() {
        // a 67-byte PNG that claims 20000 x 20000 pixels: a decoder would try to allocate 1.2 GB
        byte[] bomb = pngHeaderOnly(20_000, 20_000);
        assertThatThrownBy(() -> OpenCvImages.decode(bomb, ImageLimits.DEFAULT, "bomb.png"))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("bomb.png: 20000x20000 pixels is over the limit");
    }

    @Test
    void decode_overPixelLimit_isRejected() {
        ImageLimits small = new ImageLimits(100, 100, 5_000, 1 << 20);
        assertThatThrownBy(() -> OpenCvImages.decode(OpenCvImages.encodePng(plate), small, "big.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("240x120 pixels is over the limit");
    }

    @Test
    void decode_overByteLimit_isRejected() {
        ImageLimits tiny = new ImageLimits(8192, 8192, 40_000_000, 100);
        assertThatThrownBy(() -> OpenCvImages.decode(OpenCvImages.encodePng(plate), tiny, "p.png"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("over the limit of 100");
    }

    @Test
    void decode_jpegHeaderLyingAboutSize_isRejected() {
        byte[] jpeg = OpenCvImages.encodeJpeg(plate, 90);
        // find the SOF0 marker and claim 30000 x 30000
        for (int i = 2; i < jpeg.length - 9; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 5] = (byte) 0x75;
                jpeg[i + 6] = (byte) 0x30;
                jpeg[i + 7] = (byte) 0x75;
                jpeg[i + 8] = (byte) 0x30;
                break;
            }
        }
        assertThatThrownBy(() -> OpenCvImages.decode(jpeg, ImageLimits.DEFAULT, "liar.jpg"))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("liar.jpg: 30000x30000 pixels is over the limit");
    }

    static byte[] pngHeaderOnly(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12 + 10);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        b.putInt(0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xAE426082);
        return Arrays.copyOf(b.array(), b.position());
    }
}
