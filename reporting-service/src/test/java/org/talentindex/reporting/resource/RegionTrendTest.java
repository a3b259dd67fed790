package org.talentindex.reporting.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RegionTrendTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FrameworkResource.RegionScores ranked(String period, double score, int rank, String levels) throws Exception {
        return new FrameworkResource.RegionScores(period, "RANKED", score, rank, JSON.readTree(levels));
    }

    private static FrameworkResource.RegionScores insufficient(String period) throws Exception {
        return new FrameworkResource.RegionScores(period, "INSUFFICIENT_DATA", null, null, JSON.readTree("{}"));
    }

    @Test
    void changesSinceThePreviousAndTheFirstRankedPeriod() throws Exception {
        RegionTrend trend = RegionTrend.of(List.of(
                ranked("2015", 60, 3, "{\"a\": 50, \"b\": 70}"),
                insufficient("2018"),
                ranked("2020", 70, 2, "{\"a\": 65, \"b\": 75}"),
                ranked("2022", 74.5, 1, "{\"a\": 70, \"b\": 79}")));
        assertEquals("2015", trend.firstPeriod());
        assertEquals("2020", trend.previousPeriod());
        assertEquals("2022", trend.lastPeriod());
        assertEquals(new RegionTrend.Change(4.5, 14.5), trend.score());
        assertEquals(new RegionTrend.RankChange(1, 2), trend.rank());
        assertEquals(new RegionTrend.Change(5.0, 20.0), trend.levels().get("a"));
        assertEquals(new RegionTrend.Change(4.0, 9.0), trend.levels().get("b"));
        assertEquals(2.071429, trend.scoreChangePerYear(), "14.5 over 7 years");
    }

    @Test
    void oneRankedPeriodHasNoChangeAndNeverRankedNoTrend() throws Exception {
        RegionTrend single = RegionTrend.of(List.of(ranked("2022", 74.5, 1, "{\"a\": 70}")));
        assertNull(single.previousPeriod());
        assertEquals(new RegionTrend.Change(null, null), single.score());
        assertNull(single.scoreChangePerYear());
        assertNull(RegionTrend.of(List.of(insufficient("2022"))));
    }
}
