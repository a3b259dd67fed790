package org.talentindex.scoring.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the background loops (update consumer, outbox relay) are watched and stopped. */
@ConfigMapping(prefix = "talentindex.background-loops")
public interface BackgroundLoopsConfig {

    /** A loop that has not completed a round (a poll, a relay pass) for this long is reported DOWN. */
    @WithDefault("2m")
    Duration stallAfter();

    /** How long shutdown waits for a loop to finish its round before interrupting it. */
    @WithDefault("3s")
    Duration stopTimeout();
}
