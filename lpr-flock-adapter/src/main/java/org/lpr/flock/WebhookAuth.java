package org.lpr.flock;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How Flock authenticates to the alert webhook, as configured in the subscription's {@code credentials}:
 * {@code none}, {@code apiKey}, {@code basic} or {@code oauth2}. The receiver checks the same setting.
 * Secrets never appear in {@code toString()}.
 */
public final class WebhookAuth {
    /** The subscription's {@code credentials.scheme}. */
    public enum Scheme {
        /** No authentication: only for a receiver behind another gate. */
        NONE,
        /** An API key in a header. */
        API_KEY,
        /** HTTP basic credentials in a header. */
        BASIC,
        /** A bearer token Flock obtains from the receiver's token endpoint with client credentials. */
        OAUTH2
    }

    final Scheme scheme;
    final String headerName;
    final String user;
    final Secret secret;
    final String tokenPath;
    final Duration tokenLifetime;

    private WebhookAuth(Scheme scheme, String headerName, String user, Secret secret, String tokenPath, Duration tokenLifetime) {
        this.scheme = scheme;
        this.headerName = headerName;
        this.user = user;
        this.secret = secret;
        this.tokenPath = tokenPath;
        this.tokenLifetime = tokenLifetime;
    }

    /** No authentication ({@code scheme: none}). */
    public static WebhookAuth none() {
        return new WebhookAuth(Scheme.NONE, "", "", Secret.of(""), "", Duration.ZERO);
    }

    /** {@code scheme: apiKey}: header {@code headerName} (e.g. {@code x-api-key}) must hold {@code key}. */
    public static WebhookAuth apiKey(String headerName, String key) {
        requireText(headerName, "API key header name");
        requireText(key, "API key");
        return new WebhookAuth(Scheme.API_KEY, headerName, "", Secret.of(key), "", Duration.ZERO);
    }

    /** {@code scheme: basic}: header {@code headerName} (usually {@code Authorization}) must hold {@code Basic base64(user:password)}. */
    public static WebhookAuth basic(String headerName, String user, String password) {
        requireText(headerName, "basic header name");
        requireText(user, "basic user name");
        requireText(password, "basic password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("basic user name must not contain ':'");
        }
        return new WebhookAuth(Scheme.BASIC, headerName, user, Secret.of(password), "", Duration.ZERO);
    }

    /**
     * {@code scheme: oauth2}: the receiver serves a client-credentials token endpoint at {@code tokenPath}
     * (give its URL as the subscription's {@code tokenEndpoint}; {@code tokenScheme} body or basic both work)
     * and accepts {@code Bearer} tokens it issued, in header {@code headerName}, until they expire.
     */
    public static WebhookAuth oauth2(String headerName, String clientId, String clientSecret, String tokenPath, Duration tokenLifetime) {
        requireText(headerName, "OAuth2 header name");
        requireText(clientId, "OAuth2 client id");
        requireText(clientSecret, "OAuth2 client secret");
        if (tokenPath == null || !tokenPath.startsWith("/")) {
            throw new IllegalArgumentException("OAuth2 token path '" + tokenPath + "' must start with '/'");
        }
        if (tokenLifetime == null || tokenLifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("OAuth2 token lifetime must be at least 1 s");
        }
        return new WebhookAuth(Scheme.OAUTH2, headerName, clientId, Secret.of(clientSecret), tokenPath, tokenLifetime);
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    @Override
    public String toString() {
        return switch (scheme) {
            case NONE -> "WebhookAuth[none]";
            case API_KEY -> "WebhookAuth[apiKey in " + headerName + ", key ****]";
            case BASIC -> "WebhookAuth[basic in " + headerName + ", user " + user + ", password ****]";
            case OAUTH2 -> "WebhookAuth[oauth2 in " + headerName + ", client " + user + ", secret ****, token endpoint " + tokenPath + "]";
        };
    }

    static String lower(String header) {
        return Objects.requireNonNull(header).toLowerCase(Locale.ROOT);
    }
}
