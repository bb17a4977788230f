package org.lpr.core.spi;

import java.util.ArrayList;
import java.util.List;
import org.lpr.core.image.Image;

/** Reads the characters and state of a plate crop. Implementations are thread-safe and load their models once. */
public interface PlateRecognizer extends AutoCloseable {
    /** Reads one upright plate crop. */
    PlateReading recognize(Image crop);

    /** Reads several crops, in order; implementations batch them for speed. */
    default List<PlateReading> recognizeAll(List<Image> crops) {
        List<PlateReading> out = new ArrayList<>(crops.size());
        for (Image crop : crops) {
            out.add(recognize(crop));
        }
        return out;
    }

    /** A short name for logs and the command line, e.g. {@code "ppocr"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases native resources; the default has none. */
    @Override
    default void close() {
    }
}
