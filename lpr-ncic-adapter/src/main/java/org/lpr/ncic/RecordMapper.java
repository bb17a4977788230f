package org.lpr.ncic;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.HotListFormatException;
import org.lpr.core.InvalidJurisdictionException;
import org.lpr.core.InvalidPlateException;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlatePattern;

/**
 * Turns one record's field values into a hot list entry, or says why it cannot. Not thread-safe
 * (it caches parsed states); each import uses its own.
 */
final class RecordMapper {
    private static final NcicField[] FIELDS = NcicField.values();
    private static final DateTimeFormatter NCIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_FIELD_LENGTH = 200;

    private final Map<String, ListType> messageKeys;
    private final ListType defaultListType;
    private final Map<String, Jurisdiction> states = new HashMap<>();

    RecordMapper(Map<String, ListType> messageKeys, ListType defaultListType) {
        this.messageKeys = messageKeys;
        this.defaultListType = defaultListType;
    }

    /**
     * The entry for a record whose values are indexed by {@link NcicField#ordinal()} (null or empty when absent).
     *
     * @throws HotListFormatException naming the field, its value and what was expected
     */
    HotListEntry map(long line, String[] values) {
        Map<String, String> attributes = new HashMap<>();
        for (NcicField f : FIELDS) {
            String v = values[f.ordinal()];
            if (v == null) {
                continue;
            }
            v = v.trim();
            values[f.ordinal()] = v;
            if (v.isEmpty()) {
                continue;
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                // line breaks and tabs are legal inside quoted CSV fields; other control characters are not text
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    throw new HotListFormatException(f + " has a control character (U+" + String.format("%04X", (int) v.charAt(i))
                            + ") at index " + i);
                }
            }
            if (v.length() > MAX_FIELD_LENGTH) {
                throw new HotListFormatException(f + " is " + v.length() + " characters long; expected at most " + MAX_FIELD_LENGTH);
            }
            attributes.put(f.name(), f.isDate() ? isoDate(f, v).toString() : v);
        }

        String lic = values[NcicField.LIC.ordinal()];
        if (lic == null || lic.isEmpty()) {
            throw new HotListFormatException("LIC (plate) is missing; every record needs a plate");
        }
        String plate;
        try {
            plate = Plate.normalize(lic);
        } catch (InvalidPlateException e) {
            throw new HotListFormatException("invalid LIC: " + e.getMessage());
        }
        attributes.remove(NcicField.LIC.name());

        Jurisdiction state = Jurisdiction.UNKNOWN;
        String lis = values[NcicField.LIS.ordinal()];
        if (lis != null && !lis.isEmpty()) {
            state = state(lis);
            attributes.remove(NcicField.LIS.name());
        }

        String liy = values[NcicField.LIY.ordinal()];
        if (liy != null && !liy.isEmpty() && !liy.equalsIgnoreCase("NX") && !validYear(liy)) {
            throw new HotListFormatException("invalid LIY '" + liy + "': expected a four-digit plate expiry year (1900 to 2199) or NX");
        }

        ListType type = defaultListType;
        String mke = values[NcicField.MKE.ordinal()];
        if (mke != null && !mke.isEmpty()) {
            type = MessageKeys.lookup(messageKeys, mke).orElseThrow(() -> new HotListFormatException(
                    "MKE '" + mke + "' is not a known NCIC message key or file (expected for example EV, EL, EW, EM, EPO or STOLEN VEHICLE)"));
        }

        String nic = values[NcicField.NIC.ordinal()];
        String id = nic != null && !nic.isEmpty() ? nic : plate + "/" + state.code() + "@" + line;
        if (id.length() > 64) {
            throw new HotListFormatException("NIC '" + id.substring(0, 20) + "...' is " + id.length() + " characters long; expected at most 64");
        }
        String oca = values[NcicField.OCA.ordinal()];
        String exp = attributes.get(NcicField.EXP.name());
        return new HotListEntry(id, new PlatePattern(plate), state, type, type.defaultPriority(),
                "NCIC " + MessageKeys.describe(type) + (mke == null || mke.isEmpty() ? "" : " (MKE " + mke + ")"),
                oca == null ? "" : oca,
                exp == null ? Optional.empty() : Optional.of(LocalDate.parse(exp).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                attributes);
    }

    private Jurisdiction state(String lis) {
        Jurisdiction j = states.get(lis);
        if (j == null) {
            try {
                j = Jurisdiction.parse(lis);
            } catch (InvalidJurisdictionException e) {
                throw new HotListFormatException("invalid LIS: " + e.getMessage());
            }
            if (states.size() < 1_000) {
                states.put(lis, j);
            }
        }
        return j;
    }

    private static boolean validYear(String s) {
        if (s.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int y = Integer.parseInt(s);
        return y >= 1900 && y <= 2199;
    }

    static LocalDate isoDate(NcicField f, String v) {
        DateTimeFormatter fmt = v.length() == 8 ? NCIC_DATE : v.indexOf('/') > 0 ? US_DATE : ISO_DATE;
        try {
            return LocalDate.parse(v, fmt);
        } catch (DateTimeParseException e) {
            throw new HotListFormatException("invalid " + f + " '" + v + "': expected a date as CCYYMMDD, yyyy-MM-dd or MM/dd/yyyy");
        }
    }
}
