package org.talentindex.reporting.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.reporting.catalogue.FrameworkNames;
import org.talentindex.reporting.catalogue.FrameworkNames.Name;
import org.talentindex.reporting.catalogue.FrameworkOutline;
import org.talentindex.reporting.catalogue.FrameworkOutline.RiskLevel;
import org.talentindex.reporting.repository.ReportRegion;

/**
 * The tables specific to a framework's method, derived from the level scores the score-updates carry: structure
 * deviation (a sector's level is its deviation d_i), coupling grades (the score is the coordination degree D) and the
 * risk heat map of an early warning (a sector's level is its risk score).
 */
@ApplicationScoped
public class MethodTables {

    private static final List<Name> COUPLING_GRADES = List.of(
            new Name("极度失调", "Extreme imbalance"), new Name("严重失调", "Severe imbalance"),
            new Name("中度失调", "Moderate imbalance"), new Name("轻度失调", "Mild imbalance"),
            new Name("濒临失调", "On the verge of imbalance"), new Name("勉强协调", "Barely coordinated"),
            new Name("初级协调", "Primary coordination"), new Name("中级协调", "Intermediate coordination"),
            new Name("良好协调", "Good coordination"), new Name("优质协调", "High-quality coordination"));

    @Inject
    FrameworkNames names;

    @Inject
    ObjectMapper json;

    public Optional<ObjectNode> build(FrameworkOutline outline, List<ReportRegion> regions, Function<ReportRegion, JsonNode> levels) {
        List<ReportRegion> ordered = regions.stream()
                .sorted(Comparator.comparing((ReportRegion r) -> r.isRanked() ? r.rank : Integer.MAX_VALUE).thenComparing(r -> r.region))
                .toList();
        ObjectNode tables = json.createObjectNode();
        switch (outline.method()) {
            case "structure-deviation" -> tables.set("deviation", deviation(outline, ordered, levels));
            case "coupling-coordination" -> tables.set("couplingGrades", couplingGrades(outline, ordered));
            case "early-warning" -> tables.set("riskHeatMap", riskHeatMap(outline, ordered, levels));
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(tables);
    }

    private ArrayNode deviation(FrameworkOutline outline, List<ReportRegion> regions, Function<ReportRegion, JsonNode> levels) {
        ArrayNode rows = json.createArrayNode();
        for (ReportRegion region : regions) {
            JsonNode sectorLevels = levels.apply(region);
            double total = 0;
            for (FrameworkOutline.Sector sector : outline.sectors()) {
                total += Math.abs(sectorLevels.path(sector.code()).asDouble(0));
            }
            ObjectNode row = regionRow(outline, region);
            row.put("total", region.score);
            ArrayNode sectors = row.putArray("sectors");
            for (FrameworkOutline.Sector sector : outline.sectors()) {
                JsonNode deviation = sectorLevels.path(sector.code());
                ObjectNode cell = sectors.addObject().put("sector", sector.code());
                if (deviation.isNumber()) {
                    cell.put("deviation", deviation.asDouble());
                    cell.put("contribution", total == 0 ? null : Math.round(Math.abs(deviation.asDouble()) / total * 1e4) / 1e4);
                } else {
                    cell.putNull("deviation").putNull("contribution");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private ArrayNode couplingGrades(FrameworkOutline outline, List<ReportRegion> regions) {
        ArrayNode rows = json.createArrayNode();
        for (ReportRegion region : regions) {
            ObjectNode row = regionRow(outline, region);
            row.put("coordination", region.score);
            if (region.score == null) {
                row.putNull("grade").putNull("gradeName");
            } else {
                int grade = Math.min(10, Math.max(1, (int) Math.floor(region.score * 10) + 1));
                row.put("grade", grade);
                row.set("gradeName", json.valueToTree(COUPLING_GRADES.get(grade - 1)));
            }
            rows.add(row);
        }
        return rows;
    }

    private ObjectNode riskHeatMap(FrameworkOutline outline, List<ReportRegion> regions, Function<ReportRegion, JsonNode> levels) {
        ObjectNode map = json.createObjectNode();
        map.set("riskLevels", json.valueToTree(outline.riskLevels()));
        ArrayNode sectors = map.putArray("sectors");
        List<String> sectorCodes = outline.levels().stream().filter(l -> l.depth() == 1).map(FrameworkOutline.Level::code).toList();
        sectorCodes.forEach(code -> sectors.addObject().put("code", code).set("names", json.valueToTree(outline.levelName(code))));
        ArrayNode rows = map.putArray("regions");
        for (ReportRegion region : regions) {
            ObjectNode row = regionRow(outline, region);
            row.put("score", region.score);
            row.put("riskLevel", code(outline.riskLevel(region.score)));
            ArrayNode cells = row.putArray("cells");
            JsonNode sectorLevels = levels.apply(region);
            for (String sector : sectorCodes) {
                JsonNode score = sectorLevels.path(sector);
                Double value = score.isNumber() ? score.asDouble() : null;
                cells.addObject().put("sector", sector).put("score", value).put("riskLevel", code(outline.riskLevel(value)));
            }
            rows.add(row);
        }
        return map;
    }

    private ObjectNode regionRow(FrameworkOutline outline, ReportRegion region) {
        ObjectNode row = json.createObjectNode();
        row.put("region", region.region);
        row.putPOJO("regionName", names.region(outline.id(), region.region));
        return row;
    }

    private static String code(RiskLevel level) {
        return level == null ? null : level.code();
    }
}
