package org.caseload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real browser: headless Chromium, offline (file://), no console errors,
 * every chart decoded with a non-zero size, the summary card present. Without chromedriver
 * the test is skipped on a developer's machine but fails on CI (CI=true), where .ci/run
 * installs Debian's chromium and chromium-driver: a browser test that silently never runs
 * would hide a broken report.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CASELOAD_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CASELOAD_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @Test
    void reportOpensCleanlyInHeadlessChromium(@TempDir Path dir) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "headless browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why);
            Assumptions.assumeTrue(false, why);
        }
        Path out = dir.resolve("cmp");
        BadInputTest.Outcome o = BadInputTest.execute(CompareCommandTest.args("compare", "scenarios/leeds.yaml",
                "scenarios/leeds-cut-50.yaml", "--replications", "2", "--out", out.toString()));
        assertEquals(0, o.exit(), o.err());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(out.resolve("report.html").toUri().toString());
            JavascriptExecutor js = driver;
            assertEquals("complete", js.executeScript("return document.readyState"));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> images = (List<Map<String, Object>>) js.executeScript(
                    "return Array.from(document.images).map(i => ({alt: i.alt, complete: i.complete, w: i.naturalWidth, h: i.naturalHeight}))");
            assertEquals(8, images.size(), "charts in the report");
            for (Map<String, Object> img : images) {
                assertEquals(Boolean.TRUE, img.get("complete"), "image not loaded: " + img.get("alt"));
                assertTrue(((Number) img.get("w")).longValue() > 0 && ((Number) img.get("h")).longValue() > 0,
                        "image not decoded: " + img.get("alt"));
                assertFalse(String.valueOf(img.get("alt")).isBlank(), "chart without alt text");
            }

            String card = driver.findElement(By.id("summary-card")).getText();
            assertTrue(card.contains("Successful completions a year:"), card);
            assertTrue(card.contains("simulation noise only"), card);

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertTrue(severe.isEmpty(), "console errors: " + severe);
            // The channel works: an error logged now is seen (so an empty list above means no errors, not no logs).
            js.executeScript("console.error('caseload-probe')");
            assertTrue(driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .anyMatch(e -> e.getLevel() == Level.SEVERE && e.getMessage().contains("caseload-probe")), "browser log not captured");
        } finally {
            driver.quit();
        }
    }

}
