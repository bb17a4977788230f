package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;

/**
 * The contract every {@link PlateRecognizer} keeps. Implementations extend this class and supply the
 * recognizer and clear plate crops of given text (usually from the synthetic plate renderer).
 */
public abstract class PlateRecognizerContract {
    private PlateRecognizer recognizer;

    /** A new recognizer under test. */
    protected abstract PlateRecognizer createRecognizer();

    /** A clear, upright crop of a plate showing {@code text}. */
    protected abstract Image plateCrop(String text);

    /** Plates the recognizer must read exactly from {@link #plateCrop(String)}. */
    protected List<String> readablePlates() {
        return List.of("ABC1234", "7XKL245", "HRT5082");
    }

    @BeforeEach
    void open() {
        recognizer = createRecognizer();
    }

    @AfterEach
    void close() {
        recognizer.close();
    }

    @Test
    void recognize_clearPlate_readsItsCharacters() {
        for (String text : readablePlates()) {
            PlateReading reading = recognizer.recognize(plateCrop(text));
            assertThat(reading.best()).as("reading of %s", text).isPresent();
            assertThat(reading.best().get().text()).isEqualTo(text);
        }
    }

    @Test
    void recognize_candidates_areDistinctAndBestFirst() {
        PlateReading reading = recognizer.recognize(plateCrop(readablePlates().get(0)));
        List<Candidate> c = reading.candidates();
        assertThat(c.stream().map(Candidate::text).distinct().count()).isEqualTo(c.size());
        for (int i = 1; i < c.size(); i++) {
            assertThat(c.get(i).confidence()).isLessThanOrEqualTo(c.get(i - 1).confidence());
        }
        if (!reading.characterConfidences().isEmpty()) {
            assertThat(reading.characterConfidences()).hasSize(c.get(0).text().length());
        }
    }

    @Test
    void recognizeAll_givesTheSameReadingsAsOneByOne() {
        List<Image> crops = readablePlates().stream().map(this::plateCrop).toList();
        List<PlateReading> batch = recognizer.recognizeAll(crops);
        assertThat(batch).hasSize(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            assertThat(batch.get(i).best().map(Candidate::text)).isEqualTo(recognizer.recognize(crops.get(i)).best().map(Candidate::text));
        }
    }

    @Test
    void recognize_blankCrop_readsNothingConfidently() {
        byte[] white = new byte[200 * 50 * 3];
        java.util.Arrays.fill(white, (byte) 255);
        PlateReading reading = recognizer.recognize(Image.ofBgr(200, 50, white));
        assertThat(reading.best().map(Candidate::confidence).orElse(0.0)).isLessThan(0.5);
    }

    @Test
    void recognize_fromSeveralThreads_givesTheSameReadings() throws Exception {
        List<Image> crops = readablePlates().stream().map(this::plateCrop).toList();
        List<String> expected = crops.stream().map(c -> recognizer.recognize(c).best().map(Candidate::text).orElse("")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> crops.stream().map(c -> recognizer.recognize(c).best().map(Candidate::text).orElse("")).toList()));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
