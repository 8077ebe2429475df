package dev.supportgateway.channels.widget;

import java.time.Duration;
import java.time.Instant;

/** A token bucket for one widget session: refills continuously, so a customer who pauses can write again. */
final class TokenBucket {

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(WidgetChannelProperties.RateLimit limit, Instant now) {
        this.capacity = limit.burst();
        this.tokensPerNano = limit.perMinute() / (double) Duration.ofMinutes(1).toNanos();
        this.tokens = capacity;
        this.lastRefillNanos = nanos(now);
    }

    /** Takes one token; returns zero when granted, else how long until one is available. */
    synchronized Duration take(Instant now) {
        long at = nanos(now);
        tokens = Math.min(capacity, tokens + Math.max(0, at - lastRefillNanos) * tokensPerNano);
        lastRefillNanos = Math.max(lastRefillNanos, at);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    private static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
