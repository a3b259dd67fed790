package org.talentindex.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.insufficient;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.talentindex.reporting.ScoreUpdates.RegionScores;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * The ranking page in headless Chromium (Debian's chromium and chromium-driver packages): the chart shows one bar per
 * ranked region with the top region named, and a new score-updates version reaches the open page without a reload; rank
 * intervals and the latest change are drawn when the report has them.
 * Skipped when the browser is not installed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(ScoringStub.class)
class RankingPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String KEY = "international-talent-service/2034";
    private static final String[] DISTRICTS = {"110105", "110108", "110101", "110102", "110106", "110107", "110109", "110111",
            "110112", "110113", "110114", "110115", "110116", "110117", "110118", "110119"};
    private static final String BAR_COUNT = "const chart = echarts.getInstanceByDom(document.getElementById('ranking-chart'));"
            + "return chart ? chart.getOption().yAxis[0].data.length : -1;";

    @TestHTTPResource("/ranking.html?lang=en&framework=international-talent-service&period=2034")
    URL rankingPage;

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser test skipped: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theRankingChartShowsEveryRankedRegionAndUpdatesLive() throws Exception {
        List<RegionScores> regions = new ArrayList<>();
        for (int i = 0; i < DISTRICTS.length - 1; i++) {
            double score = 90 - i * 4;
            regions.add(ranked(DISTRICTS[i], score, i + 1, Map.of("service_provider", score + 5, "service_content", score - 5,
                    "service_environment", score + 2, "service_effectiveness", score - 2)));
        }
        regions.add(insufficient(DISTRICTS[DISTRICTS.length - 1]));
        ScoreUpdates.publish(KEY, 1, regions);
        ScoreUpdates.awaitReportVersion(KEY, 1);

        browser.get(rankingPage.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> ((Number) script(BAR_COUNT)).intValue() == 15);
        assertEquals("Chaoyang", browser.findElement(By.id("top-region")).getText());
        assertEquals("Chaoyang", script("return echarts.getInstanceByDom(document.getElementById('ranking-chart')).getOption().yAxis[0].data[0];"));
        assertEquals(4L, script("return echarts.getInstanceByDom(document.getElementById('ranking-chart')).getOption().series.length;"));
        assertEquals("Yanqing", browser.findElement(By.id("insufficient")).getText());
        wait.until(b -> b.findElement(By.id("live")).getText().equals("live"));
        script("window.loadedOnce = true; return null;");

        ScoreUpdates.publish(KEY, 2, List.of(
                ranked("110108", 95, 1, Map.of("service_provider", 99.0, "service_content", 90.0, "service_environment", 97.0, "service_effectiveness", 94.0)),
                ranked("110105", 90, 2, Map.of("service_provider", 95.0, "service_content", 85.0, "service_environment", 92.0, "service_effectiveness", 88.0))));
        wait.until(b -> b.findElement(By.id("report-version")).getText().equals("2"));
        wait.until(b -> b.findElement(By.id("top-region")).getText().equals("Haidian"));
        assertEquals(Boolean.TRUE, script("return window.loadedOnce === true;"), "the page was updated in place, not reloaded");
        assertEquals(15L, ((Number) script(BAR_COUNT)).longValue());
        assertEquals("Haidian", script("return echarts.getInstanceByDom(document.getElementById('ranking-chart')).getOption().yAxis[0].data[0];"));

        Path screenshot = Path.of("target", "ranking-page.png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    @Test
    void theOverviewLinksToPeriodsAndTheRegionPageShowsProfileAndSeries() throws Exception {
        for (String period : List.of("2032", "2033")) {
            double shift = period.equals("2032") ? 0 : 10;
            ScoreUpdates.publish("international-talent-service/" + period, 1, List.of(
                    ranked("110108", 70 + shift, 1, Map.of("service_provider", 80.0, "service_content", 60.0 + shift,
                            "service_environment", 75.0, "service_effectiveness", 65.0 + shift)),
                    ranked("110105", 65, 2, Map.of("service_provider", 70.0, "service_content", 60.0,
                            "service_environment", 65.0, "service_effectiveness", 65.0))));
            ScoreUpdates.awaitReportVersion("international-talent-service/" + period, 1);
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(new URL(rankingPage, "/?lang=en").toString());
        wait.until(b -> !b.findElements(By.cssSelector("tr[data-framework='international-talent-service'] a")).isEmpty());
        browser.findElement(By.cssSelector("tr[data-framework='international-talent-service'] a[href$='period=2033']")).click();
        wait.until(b -> ((Number) script(BAR_COUNT)).intValue() == 2);

        browser.get(new URL(rankingPage, "/region.html?lang=en&framework=international-talent-service&region=110108&period=2033").toString());
        wait.until(b -> b.findElement(By.id("region-name")).getText().equals("Haidian"));
        assertEquals(4L, script("return echarts.getInstanceByDom(document.getElementById('radar-chart')).getOption().radar[0].indicator.length;"));
        assertEquals(List.of("2032", "2033"), script("return echarts.getInstanceByDom(document.getElementById('series-chart')).getOption().xAxis[0].data;"));
        assertEquals(List.of(70L, 80L), script("return echarts.getInstanceByDom(document.getElementById('series-chart')).getOption().series[0].data;"));
        assertTrue(browser.findElement(By.id("trend")).getText().startsWith("since 2032: score +10"), browser.findElement(By.id("trend")).getText());
        Thread.sleep(1500); // let the chart animations finish before the screenshot
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "region-page.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anEarlyWarningRankingShowsTheRiskHeatMap() throws Exception {
        String key = "ai-unemployment-early-warning/2033";
        ScoreUpdates.publish(key, 1, List.of(
                ranked("620000", 62, 1, Map.of("manufacturing", 80.0, "customer_service", 70.0, "data_entry", 75.0, "translation", 50.0, "software", 35.0)),
                ranked("510000", 41, 2, Map.of("manufacturing", 55.0, "customer_service", 45.0, "data_entry", 40.0, "translation", 35.0, "software", 30.0)),
                ranked("110000", 22, 3, Map.of("manufacturing", 25.0, "customer_service", 30.0, "data_entry", 20.0, "translation", 25.0, "software", 10.0))));
        ScoreUpdates.awaitReportVersion(key, 1);
        browser.get(new URL(rankingPage, "/ranking.html?lang=en&framework=ai-unemployment-early-warning&period=2033").toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> ((Number) script(
                "const chart = echarts.getInstanceByDom(document.getElementById('heat-map-chart'));"
                        + "return chart ? chart.getOption().series[0].data.length : -1;")).intValue() == 15);
        script("document.getElementById('heat-map-card').scrollIntoView(); return null;");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "risk-heat-map.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theRankingPageShowsRankIntervalsAndTheLatestChangeAndTheRegionPageItsInterval() throws Exception {
        String key = "jjj-talent-development/2060";
        Map<String, Double> levels = Map.of("talent_stock", 80.0);
        ScoreUpdates.publish(key, 1, List.of(ranked("110000", 80, 1, levels), ranked("120000", 70, 2, levels), ranked("130000", 60, 3, levels)));
        ScoreUpdates.publish(key, ScoreUpdates.event(key, 2, List.of(ranked("110000", 82, 1, levels), ranked("120000", 69, 2, levels)),
                Map.of("110000", Map.of("high_skill_talent", 1.5, "patent_applications", 0.5), "120000", Map.of("high_skill_talent", -1.0)),
                ScoreUpdates.sensitivity(Map.of("110000", new double[] {1, 1, 1, 2}, "120000", new double[] {2, 1, 2, 3},
                        "130000", new double[] {3, 2, 3, 3}))));
        ScoreUpdates.awaitReportVersion(key, 2);

        browser.get(new URL(rankingPage, "/ranking.html?lang=en&framework=jjj-talent-development&period=2060").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> ((Number) script("const chart = echarts.getInstanceByDom(document.getElementById('sensitivity-chart'));"
                + "return chart ? chart.getOption().series[0].data.length : -1;")).intValue() == 3);
        assertEquals(List.of("1–2", "1–3", "2–3"), browser.findElements(By.cssSelector("#ranking-table td.interval")).stream()
                .map(cell -> cell.getText()).toList());
        assertEquals(2, browser.findElements(By.cssSelector("#latest-change tbody tr")).size());
        assertEquals(2L, script("return echarts.getInstanceByDom(document.getElementById('latest-change-chart')).getOption().yAxis[0].data.length;"));
        script("document.getElementById('sensitivity-card').scrollIntoView(); return null;");
        Thread.sleep(1000); // let the chart animations finish before the screenshot
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "analysis-panels.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.get(new URL(rankingPage, "/region.html?lang=en&framework=jjj-talent-development&region=120000&period=2060").toString());
        wait.withMessage(() -> "summary reads " + browser.findElement(By.id("summary")).getText())
                .until(b -> b.findElement(By.id("summary")).getText().endsWith("Rank 2 (90% interval 1–3)"));
    }
}
