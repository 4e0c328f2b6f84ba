package io.firebreak.statuspage.subscribers.web;

import io.firebreak.statuspage.config.StatusPageProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Token buckets on the public subscribe endpoint, per client IP and per e-mail address, so nobody can use the page
 * to flood an inbox with confirm links or fill the table. Addresses are keyed by their SHA-256, not kept in clear.
 * Buckets live in memory (per instance); the maps are cleared when they grow large, which only ever forgives.
 */
@Component
public class SubscribeRateLimiter {

    private static final int MAX_KEYS = 50_000;

    private final Map<String, Bucket> perIp = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final StatusPageProperties.Subscribers settings;

    public SubscribeRateLimiter(StatusPageProperties properties) {
        this.settings = properties.getSubscribers();
    }

    /** Throws a 429 (problem+json, Retry-After) when this IP or this address asked too often. */
    public void check(String ip, String address) {
        take(perIp, ip, settings.getSubscribeRequestsPerIpPerMinute(), Duration.ofMinutes(1));
        take(perAddress, sha256(address.toLowerCase(Locale.ROOT)), settings.getSubscribeRequestsPerAddressPerHour(),
                Duration.ofHours(1));
    }

    private static void take(Map<String, Bucket> buckets, String key, int perPeriod, Duration period) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(perPeriod).refillIntervally(perPeriod, period).build()).build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new TooManyRequests(Duration.ofSeconds(seconds));
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
