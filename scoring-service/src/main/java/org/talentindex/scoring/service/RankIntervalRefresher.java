package org.talentindex.scoring.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.framework.NormalisationMethod;
import org.talentindex.scoring.engine.sensitivity.RankInterval;
import org.talentindex.scoring.engine.sensitivity.SensitivityAnalysis;
import org.talentindex.scoring.engine.sensitivity.SensitivityResult;
import org.talentindex.scoring.engine.sensitivity.SensitivitySettings;
import org.talentindex.scoring.messaging.UpdateConsumer;
import org.talentindex.scoring.state.FrameworkPeriod;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * Keeps the rank intervals (Monte-Carlo sensitivity of ranks to the weights) of every framework-period this instance
 * owns current. The analysis costs hundreds of evaluations, so it runs off the scoring path, once a framework-period's
 * scores have stood still for the quiet period; new intervals are published as a version of their own.
 */
@ApplicationScoped
public class RankIntervalRefresher {

    @Inject
    ScoringService scoring;

    @Inject
    UpdateConsumer consumer;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.quiet-period", defaultValue = "10s")
    Duration quietPeriod;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.runs", defaultValue = "200")
    int runs;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.weight-spread", defaultValue = "0.2")
    double weightSpread;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.seed", defaultValue = "20261125")
    long seed;

    @ConfigProperty(name = "talentindex.scoring.sensitivity.normalisations")
    Optional<List<String>> normalisations;

    @Scheduled(every = "${talentindex.scoring.sensitivity.check-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshSettled() {
        if (!enabled) {
            return;
        }
        OffsetDateTime settledBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(quietPeriod);
        List<FrameworkPeriodKey> due = QuarkusTransaction.requiringNew().call(() -> FrameworkPeriod.withStaleIntervals(settledBefore));
        for (FrameworkPeriodKey key : due) {
            if (consumer.owns(key.frameworkId())) {
                try {
                    refresh(key);
                } catch (RuntimeException e) {
                    Log.warnf(e, "Rank intervals of %s not refreshed; retrying later", key);
                }
            }
        }
    }

    private void refresh(FrameworkPeriodKey key) {
        Optional<ScoringService.Snapshot> snapshot = scoring.snapshot(key);
        if (snapshot.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        SensitivityResult result = SensitivityAnalysis.run(snapshot.get().framework(), snapshot.get().values(), snapshot.get().options(),
                settings());
        metrics.timer("scoring.sensitivity").record(Duration.ofNanos(System.nanoTime() - start));
        if (scoring.publishSensitivity(key, snapshot.get().version(), toJson(result))) {
            metrics.counter("scoring.sensitivity.published").increment();
        }
    }

    private SensitivitySettings settings() {
        return new SensitivitySettings(runs, seed, weightSpread,
                normalisations.orElse(List.of()).stream().map(NormalisationMethod::parse).toList());
    }

    private ObjectNode toJson(SensitivityResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("runs", result.settings().runs());
        node.put("weightSpread", result.settings().weightSpread());
        node.set("normalisations", json.valueToTree(normalisations.orElse(List.of())));
        node.put("seed", result.settings().seed());
        ObjectNode intervals = node.putObject("intervals");
        for (RankInterval interval : result.intervals()) {
            if (Double.isNaN(interval.median())) {
                continue;
            }
            ObjectNode region = intervals.putObject(interval.region());
            region.put("nominalRank", interval.nominalRank());
            region.put("p5", round(interval.p5()));
            region.put("median", round(interval.median()));
            region.put("p95", round(interval.p95()));
        }
        return node;
    }

    private static double round(double rank) {
        return BigDecimal.valueOf(rank).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
