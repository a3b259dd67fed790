package org.talentindex.scoring.whatif;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds of what one what-if request, and all of them together, may take of the service. */
@ConfigMapping(prefix = "talentindex.what-if")
public interface WhatIfConfig {

    /** Largest request body; a larger one is refused with 413 before (or while) it is read. */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /** Most cells of the table evaluated: regions x indicators, however few of them hold values. */
    @WithDefault("500000")
    int maxCells();

    /** Evaluations running at once; a request beyond them is refused with 503 at once rather than queued. */
    @WithDefault("2")
    int maxConcurrent();

    /** What a refused request is told to wait before trying again. */
    @WithDefault("1s")
    Duration retryAfter();
}
