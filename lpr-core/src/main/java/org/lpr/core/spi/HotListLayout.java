package org.lpr.core.spi;

import java.io.IOException;
import java.io.Reader;
import org.lpr.core.hotlist.ParsedHotList;

/**
 * A hot list file layout: how the text of a hot list file becomes entries. The plain
 * {@code PLATE,STATE,LIST_TYPE,REASON} layout is built in ({@code org.lpr.core.hotlist.file.HotListLayouts.plain()}); adapter
 * modules add others (the NCIC {@code csv-header} extract) by implementing this interface and naming
 * the class in {@code META-INF/services/org.lpr.core.spi.HotListLayout}, where
 * {@code HotListLayouts.named(name)} finds it.
 */
public interface HotListLayout {
    /** The layout's name, as given to {@code lpr match --layout}: lower case, for example {@code plain}. */
    String name();

    /**
     * Parses a whole file. A bad line becomes a problem (a {@link org.lpr.core.HotListFormatException}
     * whose message names the source, the line number, the bad value and what was expected) and
     * parsing carries on with the next line.
     *
     * @param source the file's name, used as the list's name and in problem messages
     * @param in the file's text
     * @throws org.lpr.core.HotListFormatException when the file as a whole cannot be parsed (a missing header)
     * @throws IOException when {@code in} cannot be read
     */
    ParsedHotList parse(String source, Reader in) throws IOException;
}
