package org.lpr.ncic;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lpr.core.HotListFormatException;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.spi.HotListSource;

/**
 * An NCIC-derived hot list read from a file or downloaded from an {@code http(s)} URL, parsed with a
 * {@link NcicLayout} as it streams in.
 *
 * <p>A fetch fails (and a {@link HotListRefresher} keeps the last good list) when the file cannot be
 * read or downloaded, when the layout cannot parse it at all, when no line is accepted, or when more
 * than {@link Builder#maxRejectedFraction the allowed fraction} of its lines are rejected, which
 * usually means the extract was cut short or its layout changed.
 *
 * <pre>{@code
 * HotListSource ncic = NcicFileSource.builder()
 *         .name("NCIC stolen vehicles (MSHP extract)")
 *         .url(URI.create("https://extracts.example/ncic.csv"))
 *         .layout(NcicLayouts.csvHeader())
 *         .build();
 * }</pre>
 */
public final class NcicFileSource implements HotListSource {
    private final String name;
    private final @Nullable Path file;
    private final @Nullable URI url;
    private final NcicLayout layout;
    private final double maxRejectedFraction;
    private final @Nullable HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicReference<ImportReport> lastReport = new AtomicReference<>();

    private NcicFileSource(Builder b) {
        this.name = b.name;
        this.file = b.file;
        this.url = b.url;
        this.layout = b.layout;
        this.maxRejectedFraction = b.maxRejectedFraction;
        this.timeout = b.timeout;
        this.clock = b.clock;
        this.http = b.url == null ? null : (b.http != null ? b.http : HttpClient.newBuilder()
                .connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /** Starts a source. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    /** Where the list is read from: the file path or the URL. */
    public String location() {
        return file != null ? file.toString() : withoutQuery(url);
    }

    // a query string or user info may carry an access token: never print them
    private static String withoutQuery(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** The report of the last fetch that parsed the file (also one that was then refused); empty before. */
    public Optional<ImportReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /**
     * Reads, parses and checks the list.
     *
     * @throws HotListFormatException when it cannot be parsed, no line is accepted or too many are rejected
     * @throws LprException when it cannot be read or downloaded
     */
    @Override
    public HotList fetch() {
        List<HotListEntry> entries = new ArrayList<>();
        ImportReport report;
        Instant asOf;
        if (file != null) {
            try {
                asOf = Files.getLastModifiedTime(file).toInstant();
            } catch (IOException e) {
                throw new LprException("cannot read hot list file " + file + ": " + e, e);
            }
            report = layout.read(file, entries::add);
        } else {
            HttpResponse<InputStream> response;
            try {
                response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new LprException("cannot download hot list " + location() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LprException("download of hot list " + location() + " was interrupted", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new LprException("download of hot list " + location() + " failed: HTTP " + response.statusCode());
                }
                asOf = response.headers().firstValue("Last-Modified").flatMap(NcicFileSource::httpDate).orElse(clock.instant());
                report = layout.read(body, entries::add);
            } catch (IOException e) {
                throw new LprException("cannot download hot list " + location() + ": " + e, e);
            }
        }
        lastReport.set(report);
        if (report.accepted() == 0) {
            throw new HotListFormatException("hot list " + location() + " has no valid entry (" + report.rejected() + " lines rejected"
                    + firstErrors(report) + ")");
        }
        if (report.rejected() > maxRejectedFraction * report.total()) {
            throw new HotListFormatException(String.format("hot list %s rejected %d of %d lines, more than the %.0f%% allowed%s",
                    location(), report.rejected(), report.total(), maxRejectedFraction * 100, firstErrors(report)));
        }
        return new HotList(name, location(), asOf, entries);
    }

    private static String firstErrors(ImportReport report) {
        return report.errors().isEmpty() ? "" : "; first: " + report.errors().stream().limit(3)
                .map(e -> "line " + e.line() + ": " + e.reason()).collect(Collectors.joining("; "));
    }

    private static Optional<Instant> httpDate(String s) {
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "NcicFileSource[" + name + ", " + location() + ", " + layout.name() + "]";
    }

    /** Builds a source; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private @Nullable String name;
        private @Nullable Path file;
        private @Nullable URI url;
        private @Nullable NcicLayout layout;
        private double maxRejectedFraction = 0.5;
        private @Nullable HttpClient http;
        private Duration timeout = Duration.ofMinutes(2);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The hot list's name, e.g. {@code "NCIC stolen vehicles (MSHP extract)"}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Reads the list from this file. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** Downloads the list from this {@code http} or {@code https} URL. */
        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        /** The file's layout. */
        public Builder layout(NcicLayout layout) {
            this.layout = layout;
            return this;
        }

        /** The largest fraction of rejected lines (0 to 1) a usable list may have; default 0.5. */
        public Builder maxRejectedFraction(double fraction) {
            this.maxRejectedFraction = fraction;
            return this;
        }

        /** The HTTP client for downloads (default: a new one following redirects). */
        public Builder httpClient(HttpClient client) {
            this.http = client;
            return this;
        }

        /** Connect and download timeout; default 2 minutes. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The clock giving the list's instant when the server sends no {@code Last-Modified}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source.
         *
         * @throws IllegalArgumentException listing every problem
         */
        public NcicFileSource build() {
            List<String> problems = new ArrayList<>();
            if (name == null || name.isBlank()) {
                problems.add("name is missing");
            }
            if ((file == null) == (url == null)) {
                problems.add("give exactly one of file or url");
            }
            if (url != null && !"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                problems.add("url " + url + " is not http or https");
            }
            if (layout == null) {
                problems.add("layout is missing");
            }
            if (!(maxRejectedFraction >= 0 && maxRejectedFraction <= 1)) {
                problems.add("maxRejectedFraction " + maxRejectedFraction + " is outside [0, 1]");
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                problems.add("timeout must be positive");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("NCIC hot list source is invalid: " + String.join("; ", problems));
            }
            return new NcicFileSource(this);
        }
    }
}
