package org.lpr.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands command line paths into image files: files as given, folders walked for image extensions, sorted. */
final class ImageFiles {
    private ImageFiles() {
    }

    static boolean isImageName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp") || n.endsWith(".gif");
    }

    /** The files to process; a missing path is returned as is so that it gets its own error line. */
    static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list folder " + p + ": " + e.getMessage(), e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean anyFolder(List<Path> paths) {
        return paths.stream().anyMatch(Files::isDirectory);
    }
}
