package org.lpr.policy.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The public transparency report: what the program is for, how long data is kept, and counts of its use.
 * It holds no personal data: no user, plate, case number or location.
 *
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param agency the agency's name
 * @param programPurpose the program's purpose, in the general order's words
 * @param authorizedUses the authorized uses
 * @param retentionDays how long non-evidentiary reads are kept
 * @param auditRetentionDays how long audit records are kept
 * @param readsStored reads stored at the time of the report
 * @param alertsRaised hot list alerts raised in the period
 * @param searchesByPurpose historical searches (of stored reads and of external systems) allowed in the period, by purpose
 * @param deniedRequests requests the policy refused in the period
 * @param disseminations disseminations to partner agencies in the period
 * @param readsPurged reads purged by retention in the period
 * @param partnerAgencies partner agencies with an agreement in force
 * @param auditsConducted audit reports and chain verifications in the period
 */
public record TransparencyReport(
        Instant from,
        Instant to,
        String agency,
        String programPurpose,
        List<String> authorizedUses,
        long retentionDays,
        long auditRetentionDays,
        long readsStored,
        long alertsRaised,
        Map<String, Long> searchesByPurpose,
        long deniedRequests,
        long disseminations,
        long readsPurged,
        List<String> partnerAgencies,
        long auditsConducted) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Validates and copies the components. */
    public TransparencyReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(programPurpose, "programPurpose");
        authorizedUses = List.copyOf(authorizedUses);
        searchesByPurpose = Map.copyOf(new java.util.TreeMap<>(searchesByPurpose));
        partnerAgencies = List.copyOf(partnerAgencies);
    }

    /** The report as JSON. */
    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("agency", agency);
        n.put("from", from.toString());
        n.put("to", to.toString());
        n.put("programPurpose", programPurpose);
        authorizedUses.forEach(n.putArray("authorizedUses")::add);
        n.put("retentionDays", retentionDays);
        n.put("auditRetentionDays", auditRetentionDays);
        n.put("readsStored", readsStored);
        n.put("alertsRaised", alertsRaised);
        ObjectNode s = n.putObject("searchesByPurpose");
        new java.util.TreeMap<>(searchesByPurpose).forEach(s::put);
        n.put("deniedRequests", deniedRequests);
        n.put("disseminations", disseminations);
        n.put("readsPurged", readsPurged);
        var partners = n.putArray("partnerAgencies");
        partnerAgencies.forEach(partners::add);
        n.put("auditsConducted", auditsConducted);
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write transparency report", e);
        }
    }

    /** The report as plain text for a web page. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(agency).append(": license plate recognition transparency report, ").append(from).append(" to ").append(to).append("\n\n");
        b.append(programPurpose).append("\n\n");
        b.append("Authorized uses: ").append(String.join("; ", authorizedUses)).append(".\n");
        b.append("Reads are kept ").append(retentionDays).append(" days unless held as evidence; audit records ")
                .append(auditRetentionDays).append(" days.\n\n");
        b.append("Reads stored: ").append(readsStored).append('\n');
        b.append("Alerts raised: ").append(alertsRaised).append('\n');
        b.append("Historical searches by purpose:\n");
        new java.util.TreeMap<>(searchesByPurpose).forEach((p, c) -> b.append("  ").append(p).append(": ").append(c).append('\n'));
        b.append("Requests refused by policy: ").append(deniedRequests).append('\n');
        b.append("Disseminations to partner agencies: ").append(disseminations).append('\n');
        b.append("Reads purged by retention: ").append(readsPurged).append('\n');
        b.append("Partner agencies: ").append(partnerAgencies.isEmpty() ? "none" : String.join("; ", partnerAgencies)).append('\n');
        b.append("Audits conducted: ").append(auditsConducted).append('\n');
        return b.toString();
    }
}
