package org.lpr.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lpr.core.read.Polygon;

/**
 * One {@code lpr eval-scenes} truth file ({@code NAME.txt}: tab separated {@code file x y w h PLATE}, one
 * line per plate), as the measuring harnesses in this folder read it.
 */
record SceneTruthFile(String image, List<Box> boxes) {
    /** One plate's axis-aligned box and its text as written in the file. */
    record Box(Polygon box, String plate) {
    }

    /** The file's picture name and boxes; empty when no line has all six fields. */
    static Optional<SceneTruthFile> read(Path txt) throws IOException {
        List<Box> boxes = new ArrayList<>();
        String name = null;
        for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
            String[] f = line.strip().split("\t");
            if (f.length < 6) {
                continue;
            }
            name = f[0];
            boxes.add(new Box(Polygon.rectangle(Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4])), f[5]));
        }
        return name == null ? Optional.empty() : Optional.of(new SceneTruthFile(name, List.copyOf(boxes)));
    }
}
