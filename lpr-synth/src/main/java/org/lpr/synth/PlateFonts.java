package org.lpr.synth;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts the renderer draws with: plate-like sans faces for serials (condensed gothics first) and
 * varied faces for legends, loaded from Debian font packages where present. A machine without them
 * falls back to Java's logical fonts, so rendering still works (with less variety).
 */
final class PlateFonts {
    private static final String[] SERIAL = {
        "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Medium.ttf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
        "/usr/share/fonts/truetype/open-sans/OpenSans-CondBold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf",
        "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Medium.ttf",
        "/usr/share/fonts/opentype/b612/B612-Bold.otf",
        "/usr/share/fonts/opentype/b612/B612Mono-Bold.otf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
    };
    private static final String[] LEGEND = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed-BoldItalic.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSerifBoldItalic.ttf",
        "/usr/share/fonts/truetype/freefont/FreeSerifItalic.ttf",
        "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf",
        "/usr/share/fonts/opentype/urw-base35/P052-BoldItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/URWBookman-Demi.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-BoldItalic.otf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-BoldItalic.ttf",
        "/usr/share/fonts/truetype/open-sans/OpenSans-ExtraBold.ttf",
    };

    /** Road-sign gothics (Highway Gothic series B to E, DIN): closest to US plate faces; empty without the packages. */
    private static final String[] SIGN = {
        "/usr/share/fonts/truetype/roadgeek/RG2014B.ttf",
        "/usr/share/fonts/truetype/roadgeek/RG2014C.ttf",
        "/usr/share/fonts/truetype/roadgeek/RG2014D.ttf",
        "/usr/share/fonts/truetype/roadgeek/RG2014E.ttf",
        "/usr/share/fonts/truetype/roadgeek/RG2014EM.ttf",
        "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf",
    };

    /** Camera date stamps' faces, bold and regular: the first of each found is used. */
    private static final String[] STAMP = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
    };
    private static final String[] STAMP_REGULAR = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
    };

    /** Each named file read once: its face for plate characters, or empty where it is missing or no such face. */
    private static final Map<String, Optional<Font>> FACES = new ConcurrentHashMap<>();

    static final List<Font> SERIAL_FONTS = load(SERIAL, new Font(Font.SANS_SERIF, Font.BOLD, 100));
    static final List<Font> SIGN_FONTS = load(SIGN, null);
    static final List<Font> LEGEND_FONTS = load(LEGEND, new Font(Font.SERIF, Font.BOLD | Font.ITALIC, 100));
    /** A camera date stamp's face: the first bold monospace of Debian's packages found, else Java's logical monospace. */
    static final Font STAMP_FONT = load(STAMP, new Font(Font.MONOSPACED, Font.BOLD, 100)).get(0);
    /** A camera date stamp's regular face: the first regular monospace of Debian's packages found, else Java's logical monospace. */
    static final Font STAMP_REGULAR_FONT = load(STAMP_REGULAR, new Font(Font.MONOSPACED, Font.PLAIN, 100)).get(0);

    private PlateFonts() {
    }

    /**
     * The font files this class names that this machine lacks or Java cannot read as a plate face, in the order named.
     * Renders that would draw with any of them differ from renders made where all are present (the measuring sets and
     * the shipped models' training sets were rendered with all of them), so {@link DatasetWriter} warns about them.
     */
    static List<String> missing() {
        return missing(SERIAL, LEGEND, SIGN, STAMP, STAMP_REGULAR);
    }

    /** The files of {@code lists} that are missing or cannot be read as a face for plate characters, each once. */
    static List<String> missing(String[]... lists) {
        List<String> missing = new ArrayList<>();
        for (String[] files : lists) {
            for (String file : files) {
                if (!missing.contains(file) && face(file).isEmpty()) {
                    missing.add(file);
                }
            }
        }
        return List.copyOf(missing);
    }

    private static List<Font> load(String[] files, Font fallback) {
        List<Font> fonts = new ArrayList<>();
        for (String file : files) {
            face(file).ifPresent(fonts::add);
        }
        if (fonts.isEmpty() && fallback != null) {
            fonts.add(fallback);
        }
        return List.copyOf(fonts);
    }

    /** {@code file}'s face at 100 points if it is readable and draws every plate character, read the first time asked. */
    private static Optional<Font> face(String file) {
        return FACES.computeIfAbsent(file, f -> {
            Path p = Path.of(f);
            if (!Files.isReadable(p)) {
                return Optional.empty();
            }
            try {
                Font font = Font.createFont(Font.TRUETYPE_FONT, p.toFile()).deriveFont(100f);
                return font.canDisplayUpTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == -1 ? Optional.of(font) : Optional.empty();
            } catch (Exception e) {
                return Optional.empty(); // a font Java cannot read is skipped; the others still give variety
            }
        });
    }
}
