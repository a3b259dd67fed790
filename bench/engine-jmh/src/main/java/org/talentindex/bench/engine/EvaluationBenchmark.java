package org.talentindex.bench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.IncrementalEvaluation;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.scoring.engine.ValueTableCsv;
import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;

/** Full and incremental evaluation times of the scoring engine. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class EvaluationBenchmark {

    private Framework entropy;
    private ValueTable entropyValues;
    private Framework stickiness;
    private ValueTable stickinessValues;
    private IncrementalEvaluation incremental;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        entropy = SyntheticFrameworks.entropyWeighted(10, 10);
        entropyValues = SyntheticFrameworks.values(entropy, 3000, 1);
        try (InputStream yaml = resource("frameworks/talent-stickiness.yaml");
             InputStream csv = resource("frameworks/samples/talent-stickiness.csv")) {
            stickiness = FrameworkLoader.parse(new String(yaml.readAllBytes(), StandardCharsets.UTF_8), "talent-stickiness.yaml");
            stickinessValues = ValueTableCsv.read(new InputStreamReader(csv, StandardCharsets.UTF_8)).get("2024");
        }
        incremental = IncrementalEvaluation.start(entropy, entropyValues);
        random = new SplittableRandom(2);
    }

    private static InputStream resource(String name) {
        return EvaluationBenchmark.class.getClassLoader().getResourceAsStream(name);
    }

    /** 3,000 regions x 100 indicators in 10 dimensions, min-max, entropy weights at both levels, arithmetic. */
    @Benchmark
    public Evaluation fullEntropy3000x100() {
        return FrameworkEvaluator.evaluate(entropy, entropyValues);
    }

    /** The shipped talent-stickiness framework: 120 cities x 24 indicators, group-mean imputation, winsorisation, 50-100 at every level. */
    @Benchmark
    public Evaluation fullStickiness120x24() {
        return FrameworkEvaluator.evaluate(stickiness, stickinessValues);
    }

    /** One cell of the 3,000 x 100 entropy framework changed, results republished. */
    @Benchmark
    public Evaluation incrementalEntropy3000x100() {
        int region = random.nextInt(3000);
        int indicator = random.nextInt(100);
        return incremental.put(String.format("region-%05d", region), "i" + indicator, 1 + 998 * random.nextDouble());
    }
}
