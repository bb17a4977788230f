package org.lpr.flock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Flock calls are retried: on HTTP 5xx, timeouts, broken connections and truncated bodies with
 * exponential backoff and jitter, and on HTTP 429 after the {@code Retry-After} the server asks for.
 *
 * @param maxAttempts attempts per call, the first included (1 disables retries)
 * @param initialBackoff the backoff before the second attempt; doubled for each further one
 * @param maxBackoff the longest backoff
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one fails the call at once
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** Validates every component, reporting all problems at once. */
    public RetryPolicy {
        List<String> problems = new ArrayList<>();
        if (maxAttempts < 1 || maxAttempts > 20) {
            problems.add("maxAttempts " + maxAttempts + " is outside 1..20");
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            problems.add("initialBackoff must be zero or positive");
        }
        if (maxBackoff == null || initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add("maxBackoff must be at least initialBackoff");
        }
        if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
            problems.add("maxRetryAfter must be zero or positive");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("retry policy is invalid: " + String.join("; ", problems));
        }
    }

    /** Five attempts, 200 ms backoff doubling up to 10 s, {@code Retry-After} up to 2 minutes. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(2));
    }

    /** No retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before attempt {@code attempt + 1} after a retryable failure: half the exponential backoff
     * plus a random part up to the other half ("equal jitter"), so clients that failed together spread out.
     */
    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (capped - half == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped - half + 1)));
    }
}
