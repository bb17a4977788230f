package org.lpr.ncic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ready layouts for the common shapes of NCIC-derived hot list files, by name, and layouts described
 * in one line for the command line.
 *
 * <ul>
 *   <li>{@code csv-header}: comma-separated, RFC 4180 quoting, a header line naming NCIC field codes
 *       (LIC, LIS, LIT, LIY, VIN, VMA, VMO, VCO, NIC, ORI, OCA, DOT, MKE; other columns ignored).
 *   <li>{@code tsv-header}, {@code pipe-header}, {@code semicolon-header}: the same with a tab, {@code |}
 *       or {@code ;} between fields, recognizing every {@link NcicField} including DTE and EXP.
 *   <li>{@code delimited:SEP}: a header-named layout with any one-character separator ({@code tab} for a tab),
 *       e.g. {@code delimited:^}.
 *   <li>{@code fixed:CODE=FROM-TO,...}: a fixed-width layout, 1-based inclusive columns, e.g.
 *       {@code fixed:LIC=1-10,LIS=11-12,MKE=13-15,NIC=16-25}.
 * </ul>
 */
public final class NcicLayouts {
    /** The name of the comma-separated layout with a header of NCIC field codes. */
    public static final String CSV_HEADER = "csv-header";

    /** The field codes a {@code csv-header} header line may name. */
    public static final Set<NcicField> CSV_HEADER_FIELDS = Set.copyOf(EnumSet.of(
            NcicField.LIC, NcicField.LIS, NcicField.LIT, NcicField.LIY, NcicField.VIN, NcicField.VMA, NcicField.VMO,
            NcicField.VCO, NcicField.NIC, NcicField.ORI, NcicField.OCA, NcicField.DOT, NcicField.MKE));

    private static final Map<String, NcicLayout> READY = new TreeMap<>();

    static {
        READY.put(CSV_HEADER, NcicLayout.delimited(CSV_HEADER, ',').header().recognize(CSV_HEADER_FIELDS).build());
        READY.put("tsv-header", NcicLayout.delimited("tsv-header", '\t').header().build());
        READY.put("pipe-header", NcicLayout.delimited("pipe-header", '|').header().build());
        READY.put("semicolon-header", NcicLayout.delimited("semicolon-header", ';').header().build());
    }

    private NcicLayouts() {
    }

    /** The {@code csv-header} layout. */
    public static NcicLayout csvHeader() {
        return READY.get(CSV_HEADER);
    }

    /** The names of the ready layouts. */
    public static Set<String> names() {
        return READY.keySet();
    }

    /**
     * The layout named {@code name}: a ready layout, or a {@code delimited:SEP} or {@code fixed:...} description.
     *
     * @throws IllegalArgumentException naming the layout and listing the ready ones when it is unknown or its description is invalid
     */
    public static NcicLayout named(String name) {
        NcicLayout ready = READY.get(name);
        if (ready != null) {
            return ready;
        }
        if (name.startsWith("delimited:")) {
            String sep = name.substring("delimited:".length());
            char c;
            if (sep.equalsIgnoreCase("tab") || sep.equals("\\t")) {
                c = '\t';
            } else if (sep.length() == 1) {
                c = sep.charAt(0);
            } else {
                throw new IllegalArgumentException("layout '" + name + "' needs one separator character after 'delimited:' (or 'tab')");
            }
            return NcicLayout.delimited(name, c).header().build();
        }
        if (name.startsWith("fixed:")) {
            return fixed(name);
        }
        throw new IllegalArgumentException("no hot list layout named '" + name + "'; ready layouts: " + String.join(", ", names())
                + ", or delimited:SEP, or fixed:CODE=FROM-TO,...");
    }

    private static NcicLayout fixed(String name) {
        NcicLayout.Builder b = NcicLayout.fixedWidth(name);
        List<String> problems = new ArrayList<>();
        for (String part : name.substring("fixed:".length()).split(",")) {
            String[] kv = part.split("=", 2);
            String[] range = kv.length == 2 ? kv[1].split("-", 2) : new String[0];
            var field = NcicField.ofCode(kv[0]);
            if (field.isEmpty() || range.length != 2) {
                problems.add("'" + part + "' is not CODE=FROM-TO with an NCIC field code");
                continue;
            }
            try {
                b.field(field.get(), Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim()));
            } catch (NumberFormatException e) {
                problems.add("'" + part + "' has a column that is not a number");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("layout '" + name + "' is invalid: " + String.join("; ", problems));
        }
        return b.build();
    }
}
