package org.talentindex.scoring.whatif;

import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Admits at most {@link WhatIfConfig#maxConcurrent()} what-if requests at once, from before their body is read until
 * their answer is built, so that the memory they take together stays bounded; a request beyond them is refused at once.
 */
@ApplicationScoped
public class EvaluationPermits {

    /** Every permit is taken; the request should be retried later. */
    public static final class Busy extends RuntimeException {
        Busy(int permits) {
            super("at most " + permits + " what-if evaluations run at once");
        }
    }

    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    @Inject
    WhatIfConfig config;

    private Semaphore permits;

    @PostConstruct
    void create() {
        permits = new Semaphore(config.maxConcurrent());
    }

    public <T, E extends Exception> T withPermit(Work<T, E> work) throws E {
        if (!permits.tryAcquire()) {
            throw new Busy(config.maxConcurrent());
        }
        try {
            return work.run();
        } finally {
            permits.release();
        }
    }
}
