package org.lpr.core.spi;

import java.util.List;
import org.lpr.core.image.Image;

/** Finds plates in an image. Implementations are thread-safe and load their models once. */
public interface PlateDetector extends AutoCloseable {
    /** The plates found in {@code image}, most confident first; empty when none. */
    List<PlateRegion> detect(Image image);

    /** A short name for logs and the command line, e.g. {@code "ppocr-db"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases native resources; the default has none. */
    @Override
    default void close() {
    }
}
