package org.talentindex.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.talentindex.framework.Framework;
import org.talentindex.framework.FrameworkLoader;

/** A framework of numbered regions ({@code R000}…) and indicators ({@code i0}…) in two dimensions, for tests of the stream. */
final class SyntheticFramework {

    private SyntheticFramework() {
    }

    /** Writes the framework's definition into the directory (made if missing) and returns it as read. */
    static Framework write(Path directory, String id, int regions, int indicators) throws IOException {
        String yaml = yaml(id, regions, indicators);
        Files.writeString(Files.createDirectories(directory).resolve(id + ".yaml"), yaml);
        return FrameworkLoader.parse(yaml, id + ".yaml");
    }

    static String region(int n) {
        return String.format("R%03d", n);
    }

    static String yaml(String id, int regions, int indicators) {
        StringBuilder yaml = new StringBuilder("""
                id: %s
                names: {zh: 合成测试, en: Synthetic test}
                method: composite
                periods: {from: 2000, to: 2100}
                precision: 2
                normalisation: {method: min-max}
                weighting: {method: equal}
                aggregation: {method: arithmetic}
                rescale: {min: 0, max: 100}
                regions:
                """.formatted(id));
        for (int r = 0; r < regions; r++) {
            yaml.append("  - {code: \"").append(region(r)).append("\", names: {zh: 区域").append(r).append(", en: Region ").append(r).append("}}\n");
        }
        yaml.append("dimensions:\n");
        for (int d = 0; d < 2; d++) {
            yaml.append("  - code: d").append(d).append("\n    names: {zh: 维度").append(d).append(", en: Dimension ").append(d).append("}\n    indicators:\n");
            for (int i = d * indicators / 2; i < (d + 1) * indicators / 2; i++) {
                yaml.append("      - {code: i").append(i).append(", names: {zh: 指标").append(i).append(", en: Indicator ").append(i)
                        .append("}, unit: index, direction: \"+\", measure: continuous, range: {min: 0, max: 1000}}\n");
            }
        }
        return yaml.toString();
    }
}
