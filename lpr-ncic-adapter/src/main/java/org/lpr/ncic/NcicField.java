package org.lpr.ncic;

import java.util.Locale;
import java.util.Optional;

/**
 * A field of an NCIC-derived hot list record, named by its NCIC field code.
 *
 * <p>The codes {@link #LIC} to {@link #MKE} are the ones NCIC vehicle, license plate and person files
 * carry; {@link #DTE} and {@link #EXP} are the entry and expiry dates that state extracts add.
 */
public enum NcicField {
    /** License plate number. */
    LIC,
    /** License plate state (state of issuance). */
    LIS,
    /** License plate type (PC passenger, TK truck, ...). */
    LIT,
    /** License plate year of expiration, four digits, or {@code NX} for non-expiring plates. */
    LIY,
    /** Vehicle identification number. */
    VIN,
    /** Vehicle make. */
    VMA,
    /** Vehicle model. */
    VMO,
    /** Vehicle colour. */
    VCO,
    /** NCIC number: the record's unique id in NCIC. */
    NIC,
    /** Originating agency identifier: the agency that entered the record. */
    ORI,
    /** Originating agency case number. */
    OCA,
    /** Date of theft (or of the event the record is about). */
    DOT,
    /** Message key: the NCIC transaction code that names the file, e.g. {@code EV} stolen vehicle, {@code EL} stolen plate. */
    MKE,
    /** Date the record was entered. */
    DTE,
    /** Date the record stops being valid; the hot list entry expires then. */
    EXP;

    /** The field whose code is {@code code}, ignoring case and surrounding spaces. */
    public static Optional<NcicField> ofCode(String code) {
        try {
            return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the field holds a date (checked and normalized to ISO {@code yyyy-MM-dd}). */
    public boolean isDate() {
        return this == DOT || this == DTE || this == EXP;
    }
}
