package org.lpr.core.hotlist.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.ParsedHotList;
import org.lpr.core.spi.HotListLayout;
import org.lpr.core.spi.HotListSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hot list read from a file: the plain {@code PLATE,STATE,LIST_TYPE,REASON} CSV unless another
 * {@link HotListLayout} is given. Bad lines are logged and skipped; the rest of the file is used.
 */
public final class CsvHotListSource implements HotListSource {
    private static final Logger LOG = LoggerFactory.getLogger(CsvHotListSource.class);

    private final Path file;
    private final HotListLayout layout;

    /** A source reading {@code file} in the plain layout. */
    public CsvHotListSource(Path file) {
        this(file, HotListLayouts.plain());
    }

    /** A source reading {@code file} in {@code layout}. */
    public CsvHotListSource(Path file, HotListLayout layout) {
        this.file = Objects.requireNonNull(file, "file");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    /**
     * The file's entries; bad lines are logged at WARN and skipped.
     *
     * @throws HotListFormatException when the file has lines but not one of them is a good entry
     */
    @Override
    public HotList fetch() {
        ParsedHotList parsed = read();
        for (HotListFormatException p : parsed.problems()) {
            LOG.warn("skipped: {}", p.getMessage());
        }
        if (parsed.list().entries().isEmpty() && !parsed.problems().isEmpty()) {
            throw new HotListFormatException(name() + ": no line is a valid entry (" + parsed.problems().size()
                    + " bad lines; first: " + parsed.problems().get(0).getMessage() + ")");
        }
        return parsed.list();
    }

    /** The file's entries and its bad lines. */
    public ParsedHotList read() {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return layout.parse(name(), in);
        } catch (IOException e) {
            throw new LprException("cannot read hot list file " + file + ": " + e.getMessage(), e);
        }
    }
}
