package org.talentindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.lang3.StringUtils;

/**
 * A composite framework of {@code regions × indicators}: equal weights, min-max, arithmetic, rescaled to 0–100, every
 * indicator "+" with the same unit and range. Indicators are split into equal dimensions when they divide evenly, so
 * the composite is the plain mean of the normalised values, which {@link CellModel} recomputes to verify reports.
 */
public record SyntheticFramework(String id, int regions, int indicators, int firstPeriod, int lastPeriod) {

    public static final String UNIT = "pts";
    public static final double RANGE_MAX = 10_000;

    public static SyntheticFramework of(String prefix, int regions, int indicators, int firstPeriod, int lastPeriod) {
        return new SyntheticFramework(prefix + "-" + regions + "x" + indicators, regions, indicators, firstPeriod, lastPeriod);
    }

    public String regionCode(int region) {
        return "R" + StringUtils.leftPad(Integer.toString(region), 5, '0');
    }

    /** Codes of their own per framework: ingestion forwards an observation to every framework using its indicator. */
    public String indicatorCode(int indicator) {
        return id.replace('-', '_') + "_i" + StringUtils.leftPad(Integer.toString(indicator), 3, '0');
    }

    public String key(int period) {
        return id + "/" + period;
    }

    int dimensionCount() {
        for (int dimensions : new int[] {6, 5, 4, 3, 2}) {
            if (indicators % dimensions == 0 && indicators / dimensions >= 2) {
                return dimensions;
            }
        }
        return 1;
    }

    public Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(id + ".yaml");
        Files.writeString(file, yaml());
        return file;
    }

    String yaml() {
        StringBuilder y = new StringBuilder();
        y.append("# Synthetic benchmark framework: ").append(regions).append(" regions x ").append(indicators).append(" indicators.\n");
        y.append("id: ").append(id).append('\n');
        y.append("names:\n  zh: 基准测试指数 ").append(id).append("\n  en: Benchmark index ").append(id).append('\n');
        y.append("method: composite\n");
        y.append("regions:\n");
        for (int r = 0; r < regions; r++) {
            String code = regionCode(r);
            y.append("  - {code: \"").append(code).append("\", names: {zh: 地区").append(code).append(", en: Region ").append(code).append("}}\n");
        }
        y.append("periods: {from: ").append(firstPeriod).append(", to: ").append(lastPeriod).append("}\n");
        y.append("precision: 2\n");
        y.append("normalisation: {method: min-max}\n");
        y.append("weighting: {method: equal}\n");
        y.append("aggregation: {method: arithmetic}\n");
        y.append("rescale: {min: 0, max: 100}\n");
        y.append("missing-data: {min-region-coverage: 0.6, min-indicator-coverage: 0.5, imputation: none}\n");
        y.append("dimensions:\n");
        int dimensions = dimensionCount();
        int perDimension = indicators / dimensions;
        for (int d = 0; d < dimensions; d++) {
            y.append("  - code: dim_").append(d).append('\n');
            y.append("    names: {zh: 维度").append(d).append(", en: Dimension ").append(d).append("}\n");
            y.append("    indicators:\n");
            for (int i = d * perDimension; i < (d + 1) * perDimension; i++) {
                String code = indicatorCode(i);
                y.append("      - code: ").append(code).append('\n');
                y.append("        names: {zh: 指标").append(i).append(", en: Indicator ").append(i).append("}\n");
                y.append("        unit: ").append(UNIT).append('\n');
                y.append("        direction: \"+\"\n");
                y.append("        measure: continuous\n");
                y.append("        range: {min: 0, max: ").append((long) RANGE_MAX).append("}\n");
            }
        }
        return y.toString();
    }
}
