package org.lpr.ncic;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.hotlist.ListType;

/** The NCIC message keys and file names that say which list a record belongs to. */
final class MessageKeys {
    /** Message keys (the codes) and their translations as NCIC prints them in records, e.g. {@code STOLEN VEHICLE}. */
    static final Map<String, ListType> STANDARD;

    static {
        Map<String, ListType> m = new HashMap<>();
        // vehicle file
        m.put("EV", ListType.STOLEN_VEHICLE);
        m.put("STOLEN VEHICLE", ListType.STOLEN_VEHICLE);
        m.put("VEHICLE", ListType.STOLEN_VEHICLE);
        m.put("FELONY VEHICLE", ListType.CRIMINAL_INVESTIGATION);
        // license plate file
        m.put("EL", ListType.STOLEN_PLATE);
        m.put("STOLEN LICENSE PLATE", ListType.STOLEN_PLATE);
        m.put("STOLEN PLATE", ListType.STOLEN_PLATE);
        m.put("LICENSE PLATE", ListType.STOLEN_PLATE);
        // wanted person file
        m.put("EW", ListType.WANTED_PERSON);
        m.put("EWJ", ListType.WANTED_PERSON);
        m.put("WANTED PERSON", ListType.WANTED_PERSON);
        m.put("WANTED", ListType.WANTED_PERSON);
        // missing person file: disability, endangered, involuntary, juvenile, catastrophe victim, other
        for (String k : new String[] {"EM", "EMD", "EME", "EMI", "EMJ", "EMV", "EMO"}) {
            m.put(k, ListType.MISSING_ENDANGERED);
        }
        m.put("MISSING PERSON", ListType.MISSING_ENDANGERED);
        m.put("MISSING", ListType.MISSING_ENDANGERED);
        // officer safety: protection orders and violent persons
        m.put("EPO", ListType.OFFICER_SAFETY);
        m.put("PROTECTION ORDER", ListType.OFFICER_SAFETY);
        m.put("EVP", ListType.OFFICER_SAFETY);
        m.put("VIOLENT PERSON", ListType.OFFICER_SAFETY);
        // alerts some states add to their extracts
        m.put("AMBER ALERT", ListType.AMBER_ALERT);
        m.put("SILVER ALERT", ListType.SILVER_ALERT);
        m.put("BLUE ALERT", ListType.BLUE_ALERT);
        STANDARD = Map.copyOf(m);
    }

    private MessageKeys() {
    }

    /** The key as looked up: upper case, underscores and runs of spaces made single spaces. */
    static String normalize(String key) {
        return key.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }

    /**
     * The list type of {@code key} in {@code keys}; a translated key with a qualifier such as
     * {@code MISSING PERSON ENDANGERED} is found by its longest known prefix.
     */
    static Optional<ListType> lookup(Map<String, ListType> keys, String key) {
        String k = normalize(key);
        ListType t = keys.get(k);
        if (t != null) {
            return Optional.of(t);
        }
        for (int cut = k.lastIndexOf(' '); cut > 0; cut = k.lastIndexOf(' ', cut - 1)) {
            t = keys.get(k.substring(0, cut));
            if (t != null && k.length() > 3) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A short description of a list type for hot list entry reasons. */
    static String describe(ListType type) {
        return switch (type) {
            case STOLEN_VEHICLE -> "stolen vehicle";
            case STOLEN_PLATE -> "stolen license plate";
            case WANTED_PERSON -> "wanted person";
            case AMBER_ALERT -> "AMBER alert";
            case SILVER_ALERT -> "SILVER alert";
            case BLUE_ALERT -> "BLUE alert";
            case MISSING_ENDANGERED -> "missing person";
            case CRIMINAL_INVESTIGATION -> "vehicle of interest in a criminal investigation";
            case OFFICER_SAFETY -> "officer safety";
            case CUSTOM -> "custom entry";
        };
    }
}
