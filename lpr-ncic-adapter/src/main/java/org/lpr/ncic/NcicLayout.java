package org.lpr.ncic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;

/**
 * How an NCIC-derived hot list file is laid out, and the streaming import of such a file into
 * {@link HotListEntry} records.
 *
 * <p>Two shapes: <b>delimited</b> (any one-character separator, RFC 4180 quoting, columns named by a
 * header line of NCIC field codes or aliases, or given by position) and <b>fixed-width</b> (1-based,
 * inclusive column ranges). Ready layouts are in {@link NcicLayouts}; others are built:
 *
 * <pre>{@code
 * NcicLayout pipe = NcicLayout.delimited("state-pipe", '|').header().alias("PLATE", NcicField.LIC).build();
 * NcicLayout fixed = NcicLayout.fixedWidth("state-fixed")
 *         .field(NcicField.LIC, 1, 10).field(NcicField.LIS, 11, 12).field(NcicField.MKE, 13, 16).build();
 * ImportReport report = pipe.read(Path.of("extract.txt"), entry -> entries.add(entry));
 * }</pre>
 *
 * <p>Import streams: one record is in memory at a time. A line is rejected, counted and listed with
 * its number and reason when it is malformed, lacks LIC, or holds an invalid plate, state (LIS), plate
 * year (LIY), date (DOT, DTE, EXP) or message key (MKE); the import carries on with the next line.
 * Only a file that cannot be read at all (I/O failure, a header without LIC) ends it, with a
 * {@link HotListFormatException}. The list type of each entry comes from its MKE (message key such as
 * {@code EV}, {@code EL}, {@code EW}, {@code EM}, {@code EPO}, or the file's name such as
 * {@code STOLEN VEHICLE}); records without one get the layout's default list type.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NcicLayout {
    /** How many rejected lines an import lists by default (all are counted). */
    public static final int DEFAULT_MAX_ERRORS = 1_000;

    private final String name;
    private final char separator;
    private final boolean delimited;
    private final boolean quoting;
    private final boolean header;
    private final Map<String, NcicField> aliases;
    private final Set<NcicField> recognized;
    private final List<Optional<NcicField>> columns;
    private final List<Range> ranges;
    private final Map<String, ListType> messageKeys;
    private final ListType defaultListType;
    private final int maxErrors;

    private record Range(NcicField field, int from, int to) {
    }

    private NcicLayout(Builder b) {
        this.name = b.name;
        this.separator = b.separator;
        this.delimited = b.delimited;
        this.quoting = b.quoting;
        this.header = b.header;
        this.aliases = Map.copyOf(b.aliases);
        this.recognized = Collections.unmodifiableSet(EnumSet.copyOf(b.recognized));
        this.columns = List.copyOf(b.columns);
        this.ranges = List.copyOf(b.ranges);
        this.messageKeys = Map.copyOf(b.messageKeys);
        this.defaultListType = b.defaultListType;
        this.maxErrors = b.maxErrors;
    }

    private NcicLayout(NcicLayout o, int maxErrors) {
        this.name = o.name;
        this.separator = o.separator;
        this.delimited = o.delimited;
        this.quoting = o.quoting;
        this.header = o.header;
        this.aliases = o.aliases;
        this.recognized = o.recognized;
        this.columns = o.columns;
        this.ranges = o.ranges;
        this.messageKeys = o.messageKeys;
        this.defaultListType = o.defaultListType;
        this.maxErrors = maxErrors;
    }

    /** A copy that lists at most {@code max} rejected lines in its reports (all are counted). */
    public NcicLayout withMaxErrors(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxErrors " + max + " is negative");
        }
        return new NcicLayout(this, max);
    }

    /** Starts a delimited layout named {@code name} with {@code separator} between fields. */
    public static Builder delimited(String name, char separator) {
        Builder b = new Builder(name, true);
        b.separator = separator;
        return b;
    }

    /** Starts a fixed-width layout named {@code name}. */
    public static Builder fixedWidth(String name) {
        return new Builder(name, false);
    }

    /** The layout's name, e.g. {@code csv-header}. */
    public String name() {
        return name;
    }

    /** The list type of records that carry no MKE. */
    public ListType defaultListType() {
        return defaultListType;
    }

    /** The NCIC field codes a header line may name; other header columns are ignored. */
    public Set<NcicField> recognizedFields() {
        return recognized;
    }

    /**
     * Imports the file at {@code file} (UTF-8), handing each accepted entry to {@code accepted} as it is read.
     *
     * @throws HotListFormatException when the file cannot be read or its header names no LIC column
     */
    public ImportReport read(Path file, Consumer<HotListEntry> accepted) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, accepted, file.toString());
        } catch (IOException e) {
            throw new HotListFormatException("cannot read hot list file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Imports UTF-8 text from {@code in} (not closed), handing each accepted entry to {@code accepted}. */
    public ImportReport read(InputStream in, Consumer<HotListEntry> accepted) {
        return read(in, accepted, "input stream");
    }

    private ImportReport read(InputStream in, Consumer<HotListEntry> accepted, String what) {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return read(r, accepted, what);
    }

    /** Imports text from {@code in} (not closed), handing each accepted entry to {@code accepted} as it is read. */
    public ImportReport read(Reader in, Consumer<HotListEntry> accepted) {
        return read(in, accepted, "reader");
    }

    private ImportReport read(Reader in, Consumer<HotListEntry> accepted, String what) {
        Objects.requireNonNull(accepted, "accepted");
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        Tally tally = new Tally(maxErrors);
        RecordMapper mapper = new RecordMapper(messageKeys, defaultListType);
        try {
            if (delimited) {
                readDelimited(br, accepted, tally, mapper, what);
            } else {
                readFixed(br, accepted, tally, mapper);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new HotListFormatException("cannot read hot list " + what + " after " + tally.total() + " records: " + e.getMessage(), e);
        }
        return tally.report();
    }

    /**
     * Imports the file at {@code file} and keeps every accepted entry: for files that fit in memory
     * (a hot list does: the matcher holds it anyway).
     */
    public Imported readAll(Path file) {
        List<HotListEntry> entries = new ArrayList<>();
        ImportReport report = read(file, entries::add);
        return new Imported(entries, report);
    }

    /**
     * The entries of an import and its report.
     *
     * @param entries the accepted entries in file order
     * @param report the totals and rejected lines
     */
    public record Imported(List<HotListEntry> entries, ImportReport report) {
        /** Copies the entries. */
        public Imported {
            entries = List.copyOf(entries);
            Objects.requireNonNull(report, "report");
        }
    }

    private void readDelimited(BufferedReader br, Consumer<HotListEntry> accepted, Tally tally, RecordMapper mapper, String what)
            throws IOException {
        DelimitedRecords records = new DelimitedRecords(br, separator, quoting);
        NcicField[] byColumn;
        if (header) {
            DelimitedRecords.Raw h = records.next();
            if (h == null) {
                throw new HotListFormatException("hot list " + what + " is empty; layout " + name + " expects a header line of NCIC field codes");
            }
            if (h.error() != null) {
                throw new HotListFormatException("header line " + h.line() + " of hot list " + what + " is " + h.error());
            }
            byColumn = mapHeader(h.fields(), h.line(), what);
        } else {
            byColumn = columns.stream().map(o -> o.orElse(null)).toArray(NcicField[]::new);
        }
        String[] values = new String[NcicField.values().length];
        for (DelimitedRecords.Raw raw = records.next(); raw != null; raw = records.next()) {
            if (raw.error() != null) {
                tally.reject(raw.line(), raw.error());
                continue;
            }
            if (raw.fields().size() != byColumn.length) {
                tally.reject(raw.line(), "malformed: " + raw.fields().size() + " fields, expected " + byColumn.length
                        + (header ? " as in the header" : " as in layout " + name));
                continue;
            }
            Arrays.fill(values, null);
            for (int c = 0; c < byColumn.length; c++) {
                if (byColumn[c] != null) {
                    values[byColumn[c].ordinal()] = raw.fields().get(c);
                }
            }
            accept(raw.line(), values, accepted, tally, mapper);
        }
    }

    private NcicField[] mapHeader(List<String> names, long line, String what) {
        NcicField[] byColumn = new NcicField[names.size()];
        Map<NcicField, Integer> seen = new java.util.EnumMap<>(NcicField.class);
        List<String> problems = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c).trim();
            NcicField f = aliases.get(n.toUpperCase(Locale.ROOT));
            if (f == null) {
                f = NcicField.ofCode(n).filter(recognized::contains).orElse(null);
            }
            if (f == null) {
                continue;
            }
            Integer before = seen.put(f, c);
            if (before != null) {
                problems.add(f + " is named by columns " + (before + 1) + " and " + (c + 1));
            }
            byColumn[c] = f;
        }
        if (!seen.containsKey(NcicField.LIC)) {
            problems.add("no column is LIC (the plate)");
        }
        if (!problems.isEmpty()) {
            throw new HotListFormatException("header line " + line + " of hot list " + what + " does not fit layout " + name + ": "
                    + String.join("; ", problems) + " (header: " + String.join(String.valueOf(separator), names) + ")");
        }
        return byColumn;
    }

    private void readFixed(BufferedReader br, Consumer<HotListEntry> accepted, Tally tally, RecordMapper mapper) throws IOException {
        String[] values = new String[NcicField.values().length];
        long lineNumber = 0;
        for (String line = br.readLine(); line != null; line = br.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            Arrays.fill(values, null);
            for (Range r : ranges) {
                values[r.field.ordinal()] = line.length() < r.from ? "" : line.substring(r.from - 1, Math.min(r.to, line.length()));
            }
            accept(lineNumber, values, accepted, tally, mapper);
        }
    }

    private static void accept(long line, String[] values, Consumer<HotListEntry> accepted, Tally tally, RecordMapper mapper) {
        HotListEntry entry;
        try {
            entry = mapper.map(line, values);
        } catch (LprException | IllegalArgumentException e) {
            tally.reject(line, e.getMessage());
            return;
        }
        accepted.accept(entry);
        tally.accepted++;
    }

    private static final class Tally {
        final int maxErrors;
        final List<LineError> errors = new ArrayList<>();
        long accepted;
        long rejected;

        Tally(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        void reject(long line, String reason) {
            rejected++;
            if (errors.size() < maxErrors) {
                errors.add(new LineError(line, reason));
            }
        }

        long total() {
            return accepted + rejected;
        }

        ImportReport report() {
            return new ImportReport(accepted, rejected, errors);
        }
    }

    @Override
    public String toString() {
        if (delimited) {
            return "NcicLayout[" + name + ", delimited by '" + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "'"
                    + (header ? ", header" : ", columns " + columns.stream().map(o -> o.map(Enum::name).orElse("-")).toList()) + "]";
        }
        return "NcicLayout[" + name + ", fixed width " + ranges.stream().map(r -> r.field + "=" + r.from + "-" + r.to).toList() + "]";
    }

    /** Builds a layout; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final String name;
        private final boolean delimited;
        private char separator;
        private boolean quoting = true;
        private boolean header;
        private final Map<String, NcicField> aliases = new HashMap<>();
        private final Set<NcicField> recognized = EnumSet.allOf(NcicField.class);
        private final List<Optional<NcicField>> columns = new ArrayList<>();
        private final List<Range> ranges = new ArrayList<>();
        private final Map<String, ListType> messageKeys = new LinkedHashMap<>(MessageKeys.STANDARD);
        private ListType defaultListType = ListType.STOLEN_VEHICLE;
        private int maxErrors = DEFAULT_MAX_ERRORS;

        private Builder(String name, boolean delimited) {
            this.name = name;
            this.delimited = delimited;
        }

        /** Delimited: the first line is a header naming each column by NCIC field code (or an {@link #alias}). */
        public Builder header() {
            this.header = true;
            return this;
        }

        /** Delimited with a header: only these codes are taken from the header; other columns are ignored (default: every {@link NcicField}). */
        public Builder recognize(Set<NcicField> fields) {
            recognized.clear();
            recognized.addAll(fields);
            return this;
        }

        /** Delimited with a header: a header column named {@code headerName} (any case) holds {@code field}. */
        public Builder alias(String headerName, NcicField field) {
            aliases.put(headerName.trim().toUpperCase(Locale.ROOT), Objects.requireNonNull(field, "field"));
            return this;
        }

        /** Delimited without a header: the next column holds {@code field}. */
        public Builder column(NcicField field) {
            columns.add(Optional.of(field));
            return this;
        }

        /** Delimited without a header: the next column is ignored. */
        public Builder skipColumn() {
            columns.add(Optional.empty());
            return this;
        }

        /** Delimited: whether double quotes quote fields as RFC 4180 says (default true). */
        public Builder quoting(boolean on) {
            this.quoting = on;
            return this;
        }

        /** Fixed width: {@code field} is in columns {@code from} to {@code to}, 1-based and inclusive. */
        public Builder field(NcicField field, int from, int to) {
            ranges.add(new Range(Objects.requireNonNull(field, "field"), from, to));
            return this;
        }

        /** Records whose MKE is {@code key} (a message key or file name, any case) go to lists of {@code type}. */
        public Builder messageKey(String key, ListType type) {
            messageKeys.put(MessageKeys.normalize(key), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** The list type of records without an MKE (default {@link ListType#STOLEN_VEHICLE}, the NCIC vehicle file). */
        public Builder defaultListType(ListType type) {
            this.defaultListType = Objects.requireNonNull(type, "type");
            return this;
        }

        /** How many rejected lines an import lists (all are counted); default {@value #DEFAULT_MAX_ERRORS}. */
        public Builder maxErrors(int max) {
            this.maxErrors = max;
            return this;
        }

        /**
         * The layout.
         *
         * @throws IllegalArgumentException listing every problem: no name, a separator that is a quote or
         *     line break, no LIC column, a field given twice, bad or overlapping column ranges
         */
        public NcicLayout build() {
            List<String> problems = new ArrayList<>();
            if (name == null || name.isBlank()) {
                problems.add("the layout needs a name");
            }
            if (maxErrors < 0) {
                problems.add("maxErrors " + maxErrors + " is negative");
            }
            if (delimited) {
                if (separator == '\n' || separator == '\r' || (quoting && separator == '"')) {
                    problems.add("separator U+" + String.format("%04X", (int) separator) + " cannot separate fields");
                }
                if (!ranges.isEmpty()) {
                    problems.add("column ranges belong to fixed-width layouts");
                }
                if (header && !columns.isEmpty()) {
                    problems.add("give either a header or columns by position, not both");
                }
                if (!header) {
                    checkFields(columns.stream().flatMap(Optional::stream).toList(), problems);
                }
                if (header && !recognized.contains(NcicField.LIC) && !aliases.containsValue(NcicField.LIC)) {
                    problems.add("the header must be able to name LIC");
                }
            } else {
                checkFields(ranges.stream().map(Range::field).toList(), problems);
                for (Range r : ranges) {
                    if (r.from < 1 || r.to < r.from) {
                        problems.add(r.field + " columns " + r.from + "-" + r.to + " are not a range 1 <= from <= to");
                    }
                }
                for (int i = 0; i < ranges.size(); i++) {
                    for (int j = i + 1; j < ranges.size(); j++) {
                        Range a = ranges.get(i);
                        Range b = ranges.get(j);
                        if (a.from <= b.to && b.from <= a.to) {
                            problems.add(a.field + " columns " + a.from + "-" + a.to + " overlap " + b.field + " columns " + b.from + "-" + b.to);
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("layout " + name + " is invalid: " + String.join("; ", problems));
            }
            return new NcicLayout(this);
        }

        private static void checkFields(List<NcicField> fields, List<String> problems) {
            if (!fields.contains(NcicField.LIC)) {
                problems.add("no column is LIC (the plate)");
            }
            EnumSet<NcicField> seen = EnumSet.noneOf(NcicField.class);
            for (NcicField f : fields) {
                if (!seen.add(f)) {
                    problems.add(f + " is given twice");
                }
            }
        }
    }
}
