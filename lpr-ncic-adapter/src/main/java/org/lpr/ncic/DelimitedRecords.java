package org.lpr.ncic;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits delimited text into records, one at a time: RFC 4180 quoting (fields in double quotes may hold
 * the separator, line breaks and doubled quotes) when quoting is on. Never holds more than one record.
 *
 * <p>A quoted field left open is bounded: when it runs past {@link #MAX_RECORD_LINES} lines or
 * {@link #MAX_RECORD_CHARS} characters, or to the end of the file, the record is rejected as malformed
 * and the lines it swallowed are read again as records of their own, so one stray quote costs one line.
 */
final class DelimitedRecords {
    static final int MAX_RECORD_LINES = 16;
    static final int MAX_RECORD_CHARS = 16_384;

    /** One record: its fields, or why it is malformed. */
    record Raw(long line, List<String> fields, String error) {
    }

    private record Line(long number, String text) {
    }

    private final BufferedReader in;
    private final char separator;
    private final boolean quoting;
    private final Deque<Line> pushedBack = new ArrayDeque<>();
    private long lineNumber;

    DelimitedRecords(BufferedReader in, char separator, boolean quoting) {
        this.in = in;
        this.separator = separator;
        this.quoting = quoting;
    }

    /** The next non-blank record, or null at the end of the input. */
    Raw next() throws IOException {
        Line first;
        do {
            first = nextLine();
            if (first == null) {
                return null;
            }
        } while (first.text.isBlank());

        List<Line> continuation = new ArrayList<>();
        StringBuilder text = new StringBuilder(first.text);
        while (true) {
            Object parsed = split(text);
            if (parsed instanceof List<?> fields) {
                @SuppressWarnings("unchecked")
                List<String> f = (List<String>) fields;
                return new Raw(first.number, f, null);
            }
            String error = (String) parsed;
            if (error != null) {
                return new Raw(first.number, List.of(), error);
            }
            // an open quoted field: the record goes on on the next line, within bounds
            Line more = continuation.size() < MAX_RECORD_LINES && text.length() < MAX_RECORD_CHARS ? nextLine() : null;
            if (more == null) {
                for (int i = continuation.size() - 1; i >= 0; i--) {
                    pushedBack.push(continuation.get(i));
                }
                return new Raw(first.number, List.of(), "malformed: a quoted field is not closed"
                        + (continuation.isEmpty() ? " before the end of the file" : " within " + (continuation.size() + 1) + " lines"));
            }
            continuation.add(more);
            text.append('\n').append(more.text);
        }
    }

    private Line nextLine() throws IOException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.pop();
        }
        String s = in.readLine();
        if (s == null) {
            return null;
        }
        lineNumber++;
        if (lineNumber == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return new Line(lineNumber, s);
    }

    /** The fields; a String naming the problem when malformed; null when a quoted field is still open. */
    private Object split(CharSequence s) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (true) {
            if (quoting && i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && s.charAt(i) != separator) {
                    return "malformed: character '" + s.charAt(i) + "' after a closing quote in field " + (fields.size() + 1)
                            + " (expected the separator or the end of the line)";
                }
            } else {
                while (i < n && s.charAt(i) != separator) {
                    char c = s.charAt(i++);
                    if (quoting && c == '"') {
                        return "malformed: a double quote inside unquoted field " + (fields.size() + 1)
                                + " (RFC 4180 needs the field quoted and the quote doubled)";
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the separator
        }
    }
}
