package org.lpr.core.spi;

import java.util.List;
import java.util.Optional;
import org.lpr.core.image.Image;

/** Finds plates in an image. Implementations are thread-safe and load their models once. */
public interface PlateDetector extends AutoCloseable {
    /** The plates found in {@code image}, most confident first; empty when none. */
    List<PlateRegion> detect(Image image);

    /**
     * The detector to look again with where this one's plates give no reading that fits a serial format
     * ({@link org.lpr.core.pipeline.SecondPass}), such as the same text detector at a larger size; {@link
     * org.lpr.core.pipeline.Lpr} uses it unless told otherwise. It is part of this detector: {@link #close()} releases
     * it, and closing it alone does nothing. The default: none.
     */
    default Optional<PlateDetector> secondPass() {
        return Optional.empty();
    }

    /** A short name for logs and the command line, e.g. {@code "ppocr-db"}. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Releases native resources; the default has none. */
    @Override
    default void close() {
    }
}
