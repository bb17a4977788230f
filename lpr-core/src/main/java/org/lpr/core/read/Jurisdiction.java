package org.lpr.core.read;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.InvalidJurisdictionException;

/**
 * The issuing jurisdiction of a plate: a US state, the District of Columbia, a US territory, a
 * Canadian province or territory, or {@link #UNKNOWN} when it cannot be told.
 *
 * <p>{@link #parse(String)} accepts postal codes ({@code MO}), names ({@code Missouri}, {@code new
 * york}) and ISO 3166-2 codes ({@code US-MO}, {@code CA-ON}).
 */
public enum Jurisdiction {
    AL("Alabama", Country.US), AK("Alaska", Country.US), AZ("Arizona", Country.US), AR("Arkansas", Country.US),
    CA("California", Country.US), CO("Colorado", Country.US), CT("Connecticut", Country.US),
    DE("Delaware", Country.US), FL("Florida", Country.US), GA("Georgia", Country.US), HI("Hawaii", Country.US),
    ID("Idaho", Country.US), IL("Illinois", Country.US), IN("Indiana", Country.US), IA("Iowa", Country.US),
    KS("Kansas", Country.US), KY("Kentucky", Country.US), LA("Louisiana", Country.US), ME("Maine", Country.US),
    MD("Maryland", Country.US), MA("Massachusetts", Country.US), MI("Michigan", Country.US),
    MN("Minnesota", Country.US), MS("Mississippi", Country.US), MO("Missouri", Country.US),
    MT("Montana", Country.US), NE("Nebraska", Country.US), NV("Nevada", Country.US),
    NH("New Hampshire", Country.US), NJ("New Jersey", Country.US), NM("New Mexico", Country.US),
    NY("New York", Country.US), NC("North Carolina", Country.US), ND("North Dakota", Country.US),
    OH("Ohio", Country.US), OK("Oklahoma", Country.US), OR("Oregon", Country.US),
    PA("Pennsylvania", Country.US), RI("Rhode Island", Country.US), SC("South Carolina", Country.US),
    SD("South Dakota", Country.US), TN("Tennessee", Country.US), TX("Texas", Country.US), UT("Utah", Country.US),
    VT("Vermont", Country.US), VA("Virginia", Country.US), WA("Washington", Country.US),
    WV("West Virginia", Country.US), WI("Wisconsin", Country.US), WY("Wyoming", Country.US),
    DC("District of Columbia", Country.US),
    AS("American Samoa", Country.US), GU("Guam", Country.US), MP("Northern Mariana Islands", Country.US),
    PR("Puerto Rico", Country.US), VI("U.S. Virgin Islands", Country.US),
    AB("Alberta", Country.CA), BC("British Columbia", Country.CA), MB("Manitoba", Country.CA),
    NB("New Brunswick", Country.CA), NL("Newfoundland and Labrador", Country.CA),
    NS("Nova Scotia", Country.CA), NT("Northwest Territories", Country.CA), NU("Nunavut", Country.CA),
    ON("Ontario", Country.CA), PE("Prince Edward Island", Country.CA), QC("Quebec", Country.CA),
    SK("Saskatchewan", Country.CA), YT("Yukon", Country.CA),
    /** The jurisdiction could not be told; an officer must verify the state of issuance. */
    UNKNOWN("Unknown", Country.NONE);

    /** The country a jurisdiction belongs to. */
    public enum Country {
        /** United States, including DC and the territories. */
        US,
        /** Canada. */
        CA,
        /** No country: {@link Jurisdiction#UNKNOWN}. */
        NONE
    }

    private static final int MAX_INPUT_LENGTH = 40;
    private static final Map<String, Jurisdiction> BY_KEY = new HashMap<>();

    static {
        for (Jurisdiction j : values()) {
            if (j == UNKNOWN) {
                continue;
            }
            BY_KEY.put(j.name(), j);
            BY_KEY.put(key(j.displayName), j);
            BY_KEY.put(j.country.name() + "-" + j.name(), j);
        }
        BY_KEY.put("WASHINGTON DC", DC);
        BY_KEY.put("WASHINGTON D C", DC);
        BY_KEY.put("D C", DC);
        BY_KEY.put("VIRGIN ISLANDS", VI);
        BY_KEY.put("US VIRGIN ISLANDS", VI);
        BY_KEY.put("NEWFOUNDLAND", NL);
        BY_KEY.put("YUKON TERRITORY", YT);
        BY_KEY.put("QUEBEC", QC);
        BY_KEY.put("PQ", QC);
        BY_KEY.put("NF", NL);
        BY_KEY.put("UNKNOWN", UNKNOWN);
        BY_KEY.put("XX", UNKNOWN);
    }

    private final String displayName;
    private final Country country;

    Jurisdiction(String displayName, Country country) {
        this.displayName = displayName;
        this.country = country;
    }

    /** The jurisdiction's name in English, for example {@code "Missouri"}. */
    public String displayName() {
        return displayName;
    }

    /** The country the jurisdiction belongs to. */
    public Country country() {
        return country;
    }

    /** The two-letter postal code, for example {@code "MO"}; {@code "XX"} for {@link #UNKNOWN}. */
    public String code() {
        return this == UNKNOWN ? "XX" : name();
    }

    /** The ISO 3166-2 subdivision code, for example {@code "US-MO"}; empty for {@link #UNKNOWN}. */
    public Optional<String> isoCode() {
        return this == UNKNOWN ? Optional.empty() : Optional.of(country.name() + "-" + name());
    }

    /** Whether the jurisdiction is known. */
    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /**
     * Parses a postal code, name or ISO 3166-2 code, ignoring case, accents, dots and extra spaces.
     *
     * @throws InvalidJurisdictionException naming the input when it is empty, too long, holds
     *     control characters, or names no jurisdiction
     */
    public static Jurisdiction parse(String text) {
        if (text == null) {
            throw new InvalidJurisdictionException("jurisdiction is missing (null); expected a postal code, name or ISO 3166-2 code such as 'MO', 'Missouri' or 'US-MO'");
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            throw new InvalidJurisdictionException("jurisdiction '" + printable(text.substring(0, MAX_INPUT_LENGTH)) + "...' is " + text.length()
                    + " characters long; expected at most " + MAX_INPUT_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new InvalidJurisdictionException("jurisdiction '" + printable(text) + "' has a control character at index " + i);
            }
        }
        if (text.isBlank()) {
            throw new InvalidJurisdictionException("jurisdiction is empty; expected a postal code, name or ISO 3166-2 code such as 'MO', 'Missouri' or 'US-MO'");
        }
        Jurisdiction j = BY_KEY.get(key(text));
        if (j == null) {
            throw new InvalidJurisdictionException("jurisdiction '" + printable(text) + "' is not a US state, DC, US territory or Canadian province (expected for example 'MO', 'Missouri' or 'US-MO')");
        }
        return j;
    }

    /** Like {@link #parse(String)} but empty instead of an exception. */
    public static Optional<Jurisdiction> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidJurisdictionException e) {
            return Optional.empty();
        }
    }

    private static String key(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String k = ascii.toUpperCase(Locale.ROOT).replace('.', ' ').replace('_', ' ').trim().replaceAll("\\s+", " ");
        if (k.length() == 5 && (k.startsWith("US ") || k.startsWith("CA ")) ) {
            k = k.substring(0, 2) + "-" + k.substring(3);
        }
        return k;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
