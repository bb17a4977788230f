package org.lpr.onnx;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A model engine made on first use, once, whichever thread gets there first; {@link #close()} frees it and a
 * later {@link #get()} makes it again. A make that fails leaves nothing and is tried again on the next get.
 * Thread-safe; {@link #close()} must not run while the engine is in use.
 */
final class Lazy<T> {
    private final Supplier<T> make;
    private final Consumer<T> free;
    private volatile T value;

    /**
     * @param make creates the engine (called under this object's lock)
     * @param free frees it
     */
    Lazy(Supplier<T> make, Consumer<T> free) {
        this.make = make;
        this.free = free;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = make.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** Whether the engine is made now. */
    boolean made() {
        return value != null;
    }

    synchronized void close() {
        if (value != null) {
            free.accept(value);
            value = null;
        }
    }
}
