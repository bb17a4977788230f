package org.lpr.core.testing;

/** Runs test code with a system property set, and puts the property back as it was; shared through lpr-core's test-jar. */
public final class SystemProperties {
    private SystemProperties() {
    }

    /** Test code that may throw. */
    @FunctionalInterface
    public interface Body {
        /** Runs it. */
        void run() throws Exception;
    }

    /** Runs {@code body} with {@code -Dname=value} ({@code null}: unset), then restores the property's old value or absence. */
    public static void with(String name, String value, Body body) throws Exception {
        String old = System.getProperty(name);
        set(name, value);
        try {
            body.run();
        } finally {
            set(name, old);
        }
    }

    private static void set(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }
}
