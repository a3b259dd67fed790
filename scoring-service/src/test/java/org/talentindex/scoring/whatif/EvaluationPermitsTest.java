package org.talentindex.scoring.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;

class EvaluationPermitsTest {

    @Test
    void refusesAtOnceBeyondTheLimitAndAdmitsAgainOnceAPermitIsBack() {
        EvaluationPermits permits = permits(1);
        assertThrows(EvaluationPermits.Busy.class, () -> permits.withPermit(() -> permits.withPermit(() -> "second")));
        assertEquals("after", permits.withPermit(() -> "after"));
    }

    @Test
    void givesThePermitBackWhenTheWorkFails() {
        EvaluationPermits permits = permits(1);
        assertThrows(IllegalStateException.class, () -> permits.withPermit(() -> {
            throw new IllegalStateException("failed");
        }));
        assertEquals("after", permits.withPermit(() -> "after"));
    }

    private static EvaluationPermits permits(int maxConcurrent) {
        EvaluationPermits permits = new EvaluationPermits();
        permits.config = new WhatIfConfig() {
            @Override
            public MemorySize maxBodySize() {
                return new MemorySize(BigInteger.valueOf(1024));
            }

            @Override
            public int maxCells() {
                return 100;
            }

            @Override
            public int maxConcurrent() {
                return maxConcurrent;
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(1);
            }
        };
        permits.create();
        return permits;
    }
}
