package org.caseload.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The what-if page in a real browser: headless Chromium through Selenium runs a 10% cut on
 * Leeds and reads the answer, and a bad value gets its message beside the field and no run.
 * Without chromedriver the test is skipped on a developer's machine but fails on CI (CI=true),
 * so a broken CI image cannot pass silently. With -Dcaseload.screenshot=FILE it also saves a
 * screenshot of the answered page (the README's).
 */
class WhatIfPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    @TempDir
    static Path work;
    private static WebServer server;
    private static ChromeDriver browser;
    private static Path results;

    @BeforeAll
    static void start() throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = "headless browser test needs " + CHROMIUM + " and " + CHROMEDRIVER + " (Debian: chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) fail(why + "; on CI they must be installed (.ci/run installs them)");
            Assumptions.abort(why);
        }
        results = work.resolve("results");
        server = new WebServer("127.0.0.1", 0, Path.of("scenarios"), results, 2, org.caseload.experiment.WorkLimits.DEFAULT_MAX_EVENTS, new PrintStream(new ByteArrayOutputStream(), true));
        server.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + work.resolve("profile"), "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static void open() {
        browser.get("http://127.0.0.1:" + server.port() + "/?baseline=leeds");
    }

    private static void type(String field, String value) {
        WebElement input = browser.findElement(By.id("f-" + field));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void aTenPercentCutOnLeedsGetsAnAnswer() throws IOException {
        open();
        type("budget_change_pct", "-10");
        type("budget_from_month", "12");
        type("replications", "3");
        // From the keyboard: Enter in a field runs the form.
        browser.findElement(By.id("f-seed")).sendKeys(Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(600))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("summary-card")));
        String card = browser.findElement(By.id("summary-card")).getText();
        // With 3 replications the interval may leave out zero while the corrected verdict does not (SummaryCard).
        assertTrue(Pattern.compile("Successful completions a year: .*: (better|worse|no detectable difference( "
                + org.caseload.stats.Verdict.AFTER_CORRECTION + ")?)\\.")
                .matcher(card).find(), card);

        List<WebElement> charts = browser.findElements(By.cssSelector("#charts img"));
        assertTrue(charts.size() >= 4, "charts: " + charts.size());
        JavascriptExecutor js = browser;
        for (WebElement img : charts) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> (Boolean) js.executeScript(
                    "return arguments[0].complete", img));
            long width = (Long) js.executeScript("return arguments[0].naturalWidth", img);
            assertTrue(width > 0, "chart not decoded: " + img.getAttribute("src"));
            assertFalse(img.getAttribute("alt").isBlank(), "chart without alt text");
        }

        String downloads = browser.findElement(By.id("downloads")).getText();
        for (String f : List.of("report.html", "report.xlsx", "comparison.csv", "summary.csv", "monthly.csv", "scenario.yaml")) {
            assertTrue(downloads.contains(f), "no download " + f + " in: " + downloads);
        }
        assertTrue(browser.findElement(By.id("verdicts")).getText().contains("successful_completions_per_year"));
        assertTrue(browser.findElement(By.id("run")).isEnabled(), "Run is enabled again");

        String screenshot = System.getProperty("caseload.screenshot");
        if (screenshot != null) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1100, 1500));
            js.executeScript("window.scrollTo(0, 0)");
            Files.write(Path.of(screenshot), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void aCutOfMoreThanEverythingIsRefusedBesideTheField() throws IOException {
        open();
        type("budget_change_pct", "-150");
        type("replications", "3");
        browser.findElement(By.id("run")).click();
        WebElement message = browser.findElement(By.id("e-budget_change_pct"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !message.getText().isEmpty());
        assertTrue(message.getText().contains("must be more than -100, got -150"), message.getText());
        assertEquals("true", browser.findElement(By.id("f-budget_change_pct")).getAttribute("aria-invalid"));
        assertEquals("", browser.findElement(By.id("answer")).getText());
        assertTrue(browser.findElements(By.id("summary-card")).isEmpty());
        if (Files.exists(results)) {
            try (Stream<Path> files = Files.list(results)) {
                assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains("what-if")
                        && !Files.exists(p.resolve("report.html"))).toList(), "a refused run left files");
            }
        }
    }
}
