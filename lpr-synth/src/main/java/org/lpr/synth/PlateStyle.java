package org.lpr.synth;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lpr.core.read.Jurisdiction;

/** One state's plate look and serial formats, read from {@code us-states.txt}. */
record PlateStyle(Jurisdiction jurisdiction, String legend, List<String> slogans, List<String> formats,
        List<Color> plateColours, List<Color> serialColours, List<Color> legendColours) {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Most states leave I, O and Q out of general-issue serials. */
    static final String SERIAL_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    /** Share of general-issue serials drawn from the full alphabet (with I, O, Q); the rest use {@link #SERIAL_LETTERS}. */
    static final double FULL_ALPHABET_SHARE = 0.08;

    static final Map<Jurisdiction, PlateStyle> ALL = load();

    /** A serial as printed (with separators and {@code *} emblems) in one of the state's formats. */
    String printedSerial(SplittableRandom r) {
        return printedSerial(r, FULL_ALPHABET_SHARE);
    }

    /**
     * A serial as printed, drawn from the full alphabet (with I, O and Q) with probability
     * {@code fullAlphabetShare}, else from {@link #SERIAL_LETTERS}.
     */
    String printedSerial(SplittableRandom r, double fullAlphabetShare) {
        String format = formats.get(r.nextInt(formats.size()));
        // most states leave I, O and Q out of general-issue serials (the fonts draw O/0 and I/1 alike, so a
        // serial with them is ambiguous); a few states do issue them, so a minority keeps the full alphabet
        String letters = r.nextDouble() < fullAlphabetShare ? LETTERS : SERIAL_LETTERS;
        StringBuilder b = new StringBuilder();
        for (char f : format.toCharArray()) {
            switch (f) {
                case 'L' -> b.append(letters.charAt(r.nextInt(letters.length())));
                case 'D' -> b.append(DIGITS.charAt(r.nextInt(10)));
                case 'A' -> b.append(r.nextBoolean() ? letters.charAt(r.nextInt(letters.length())) : DIGITS.charAt(r.nextInt(10)));
                default -> b.append(f);
            }
        }
        return b.toString();
    }

    /** A vanity or special serial: 2 to 7 characters, any mix, sometimes split in two groups. */
    static String vanitySerial(SplittableRandom r) {
        int n = 2 + r.nextInt(6);
        StringBuilder b = new StringBuilder();
        double digitShare = r.nextDouble() < 0.5 ? 0.1 : 0.5;
        for (int i = 0; i < n; i++) {
            b.append(r.nextDouble() < digitShare ? DIGITS.charAt(r.nextInt(10)) : LETTERS.charAt(r.nextInt(26)));
        }
        if (n >= 5 && r.nextDouble() < 0.3) {
            b.insert(1 + r.nextInt(n - 2), r.nextBoolean() ? ' ' : '-');
        }
        return b.toString();
    }

    private static Map<Jurisdiction, PlateStyle> load() {
        Map<Jurisdiction, PlateStyle> styles = new EnumMap<>(Jurisdiction.class);
        try (InputStream in = PlateStyle.class.getResourceAsStream("us-states.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource org/lpr/synth/us-states.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("us-states.txt line " + lineNo + " has " + f.length + " fields, expected 7");
                }
                Jurisdiction j = Jurisdiction.parse(f[0]);
                styles.put(j, new PlateStyle(j, f[1], split(f[2]), split(f[3]), colours(f[4]), colours(f[5]), colours(f[6])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return styles;
    }

    private static List<String> split(String field) {
        return List.copyOf(Arrays.asList(field.split(";")));
    }

    private static List<Color> colours(String field) {
        List<Color> out = new ArrayList<>();
        for (String hex : field.split(";")) {
            out.add(new Color(Integer.parseInt(hex.trim(), 16)));
        }
        return List.copyOf(out);
    }
}
