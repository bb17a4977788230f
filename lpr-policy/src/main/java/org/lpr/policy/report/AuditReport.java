package org.lpr.policy.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lpr.core.audit.AuditEvent;

/**
 * An audit report for a period: access, searches, hot list changes, disseminations and user activity,
 * with the findings an auditor must look at.
 *
 * @param from start of the period, inclusive
 * @param to end of the period, exclusive
 * @param eventsByAction how many audit events of each action
 * @param eventsByOutcome how many events were allowed, flagged, denied or failed
 * @param activityByUser how many events each user caused
 * @param findings the flagged items, in time order
 */
public record AuditReport(
        Instant from,
        Instant to,
        Map<String, Long> eventsByAction,
        Map<String, Long> eventsByOutcome,
        Map<String, Long> activityByUser,
        List<Finding> findings) {

    private static final Set<String> SEARCH_ACTIONS = Set.of("HISTORICAL_SEARCH", "EXTERNAL_SEARCH", "READ_VIEW", "EXPORT", "DISSEMINATION");
    private static final Pattern PLATE = Pattern.compile("(?:^|;)plate=([A-Z0-9*?]+)");

    /** Copies the components. */
    public AuditReport {
        eventsByAction = Map.copyOf(eventsByAction);
        eventsByOutcome = Map.copyOf(eventsByOutcome);
        activityByUser = Map.copyOf(activityByUser);
        findings = List.copyOf(findings);
    }

    /** Compiles the report over {@code events} (those outside {@code [from, to)} are ignored). */
    public static AuditReport compile(List<AuditEvent> events, Instant from, Instant to, ReportSettings settings) {
        Map<String, Long> byAction = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<String, Long> byUser = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<LocalDate, Long>> searchesPerUserDay = new TreeMap<>();
        Map<String, Set<String>> usersPerPlate = new TreeMap<>();
        Map<String, Instant> firstSearchOfPlate = new HashMap<>();
        for (AuditEvent e : events) {
            if (e.at().isBefore(from) || !e.at().isBefore(to)) {
                continue;
            }
            byAction.merge(e.action(), 1L, Long::sum);
            byOutcome.merge(e.outcome().name(), 1L, Long::sum);
            byUser.merge(e.userId(), 1L, Long::sum);
            Set<String> rules = new HashSet<>(Arrays.asList(e.rule().split(",")));
            if (e.outcome() == AuditEvent.Outcome.DENIED) {
                findings.add(new Finding(ReportFlag.DENIED_REQUEST, e.userId(), e.action(), e.at(), "refused by " + e.rule()));
            }
            if ("SECURITY_INCIDENT".equals(e.action())) {
                findings.add(new Finding(ReportFlag.SECURITY_INCIDENT, e.userId(), e.rule(), e.at(), e.query()));
            }
            boolean searched = SEARCH_ACTIONS.contains(e.action()) && e.outcome() != AuditEvent.Outcome.DENIED
                    && e.outcome() != AuditEvent.Outcome.FAILED;
            if (!searched) {
                continue;
            }
            if (e.reference().isEmpty() || rules.contains("REFERENCE")) {
                findings.add(new Finding(ReportFlag.SEARCH_WITHOUT_REFERENCE, e.userId(), e.action(), e.at(),
                        e.action() + " for " + e.purpose() + " without a specific reference"));
            }
            if (rules.contains("SENSITIVE_PLACE")) {
                findings.add(new Finding(ReportFlag.SENSITIVE_PLACE_SEARCH, e.userId(), e.action(), e.at(), e.query()));
            }
            LocalTime local = e.at().atZone(settings.zone()).toLocalTime();
            if (local.isBefore(settings.workStart()) || !local.isBefore(settings.workEnd())) {
                findings.add(new Finding(ReportFlag.OUTSIDE_WORKING_HOURS, e.userId(), e.action(), e.at(),
                        e.action() + " at " + local + " " + settings.zone()));
            }
            searchesPerUserDay.computeIfAbsent(e.userId(), k -> new TreeMap<>())
                    .merge(e.at().atZone(settings.zone()).toLocalDate(), 1L, Long::sum);
            Matcher m = PLATE.matcher(e.query());
            if (m.find()) {
                usersPerPlate.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(e.userId());
                firstSearchOfPlate.putIfAbsent(m.group(1), e.at());
            }
        }
        searchesPerUserDay.forEach((user, days) -> days.forEach((day, n) -> {
            if (n > settings.highVolumePerDay()) {
                findings.add(new Finding(ReportFlag.HIGH_VOLUME_USER, user, day.toString(),
                        day.atStartOfDay(settings.zone()).toInstant(), n + " searches on " + day + " (threshold " + settings.highVolumePerDay() + ")"));
            }
        }));
        usersPerPlate.forEach((plate, users) -> {
            if (users.size() >= settings.samePlateUsers()) {
                findings.add(new Finding(ReportFlag.PLATE_SEARCHED_BY_MANY_USERS, "", plate, firstSearchOfPlate.get(plate),
                        "searched by " + users.size() + " users: " + String.join(", ", new java.util.TreeSet<>(users))));
            }
        });
        findings.sort(Comparator.comparing(Finding::at).thenComparing(Finding::flag));
        return new AuditReport(from, to, byAction, byOutcome, byUser, findings);
    }

    /** The findings with {@code flag}. */
    public List<Finding> findings(ReportFlag flag) {
        return findings.stream().filter(f -> f.flag() == flag).toList();
    }
}
