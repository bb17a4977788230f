package org.lpr.onnx;

import org.lpr.core.LprException;

/** An on/off setting read from a system property: on unless set to {@code false}, and any other value named as an error. */
final class Switch {
    private Switch() {
    }

    /**
     * Whether {@code -Dproperty} leaves the setting on: unset or {@code true} (any case, spaces around) is on,
     * {@code false} off.
     *
     * @throws LprException when the property is set to anything else
     */
    static boolean onUnlessFalse(String property) {
        String v = System.getProperty(property);
        if (v == null || v.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new LprException("-D" + property + "=" + v + " must be true or false");
    }
}
