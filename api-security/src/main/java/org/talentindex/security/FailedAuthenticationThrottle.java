package org.talentindex.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Counts failed authentications per remote address (token buckets): an address that used up its attempts must wait
 * until one is refilled, so guessing keys goes no faster than {@code talentindex.security.failed-authentication.attempts-per-minute}.
 */
@Singleton
public class FailedAuthenticationThrottle {

    private static final Duration REFILL_PERIOD = Duration.ofMinutes(1);
    private static final long TRACKED_ADDRESSES = 100_000;

    private final long attemptsPerMinute;
    /** A bucket left alone for a refill period is full again, so forgetting it changes nothing. */
    private final Cache<String, Bucket> failuresByAddress = Caffeine.newBuilder()
            .expireAfterAccess(REFILL_PERIOD)
            .maximumSize(TRACKED_ADDRESSES)
            .build();

    @Inject
    FailedAuthenticationThrottle(SecuritySettings settings) {
        this(settings.failedAuthentication().attemptsPerMinute());
    }

    FailedAuthenticationThrottle(long attemptsPerMinute) {
        this.attemptsPerMinute = attemptsPerMinute;
    }

    /** How long the address must wait before it may try again, if it has no attempt left. */
    public Optional<Duration> waitBeforeNextAttempt(String address) {
        Bucket bucket = failuresByAddress.getIfPresent(address);
        if (bucket == null) {
            return Optional.empty();
        }
        long nanosToWait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanosToWait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanosToWait));
    }

    public void recordFailure(String address) {
        failuresByAddress.get(address, this::bucket).tryConsume(1);
    }

    private Bucket bucket(String address) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attemptsPerMinute).refillGreedy(attemptsPerMinute, REFILL_PERIOD).build())
                .build();
    }
}
