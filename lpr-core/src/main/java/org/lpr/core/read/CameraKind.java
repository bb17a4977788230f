package org.lpr.core.read;

/** How an LPR camera is deployed, as the general order defines the systems. */
public enum CameraKind {
    /** A camera permanently installed at a fixed location. */
    FIXED,
    /** A camera mounted to a law enforcement vehicle. */
    MOBILE,
    /** A transportable camera deployed temporarily at various locations. */
    PORTABLE
}
