package org.lpr.core.hotlist.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import org.lpr.core.LprException;
import org.lpr.core.spi.HotListLayout;

/**
 * The hot list file layouts: the built-in {@link #plain() plain} CSV, and those adapter modules
 * provide through {@link ServiceLoader} ({@code META-INF/services/org.lpr.core.spi.HotListLayout}).
 */
public final class HotListLayouts {
    /** The name of the built-in layout {@code PLATE,STATE,LIST_TYPE,REASON}. */
    public static final String PLAIN = "plain";

    private HotListLayouts() {
    }

    /** The built-in layout: one entry per line, {@code PLATE,STATE,LIST_TYPE,REASON}. */
    public static HotListLayout plain() {
        return PlainCsvLayout.INSTANCE;
    }

    /**
     * The layout named {@code name}: the built-in {@code plain}, or the one provider on the class path
     * of that name.
     *
     * @throws LprException naming the available layouts when none or several have that name
     */
    public static HotListLayout named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(PLAIN)) {
            return plain();
        }
        List<HotListLayout> found = new ArrayList<>();
        for (HotListLayout l : ServiceLoader.load(HotListLayout.class)) {
            if (l.name().equals(name)) {
                found.add(l);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new LprException("no hot list layout named '" + name + "'; available: " + String.join(", ", available())
                    + " (others come with adapter modules on the class path, e.g. csv-header with lpr-ncic-adapter)");
        }
        throw new LprException("several hot list layouts are named '" + name + "': "
                + found.stream().map(l -> l.getClass().getName()).toList() + "; keep one on the class path");
    }

    /** The names of every layout available: {@code plain} and those on the class path. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        names.add(PLAIN);
        for (HotListLayout l : ServiceLoader.load(HotListLayout.class)) {
            if (!names.contains(l.name())) {
                names.add(l.name());
            }
        }
        return names;
    }
}
