package org.lpr.opencv;

import org.lpr.core.ModelLoadException;

/** Loads OpenCV's native library from the openpnp jar, once per JVM. */
final class Natives {
    private static volatile boolean loaded;

    private Natives() {
    }

    static void load() {
        if (loaded) {
            return;
        }
        synchronized (Natives.class) {
            if (!loaded) {
                try {
                    nu.pattern.OpenCV.loadLocally();
                } catch (RuntimeException | LinkageError e) {
                    throw new ModelLoadException("cannot load OpenCV's native library for " + System.getProperty("os.name") + "/"
                            + System.getProperty("os.arch") + " from org.openpnp:opencv: " + e.getMessage(), e);
                }
                loaded = true;
            }
        }
    }
}
