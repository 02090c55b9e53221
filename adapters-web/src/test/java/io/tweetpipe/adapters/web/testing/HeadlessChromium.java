package io.tweetpipe.adapters.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium, for the dashboard's browser tests. Without
 * {@code chromium} and {@code chromium-driver} it fails and says what to install ({@code .ci/run} installs them): a
 * browser test is never skipped.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriverService service;
    private final ChromeDriver browser;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver browser) {
        this.service = service;
        this.browser = browser;
    }

    public static HeadlessChromium open() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            fail("the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install -y chromium chromium-driver (.ci/run installs them when missing)");
        }
        // The driver is named, so Selenium Manager never looks for (or downloads) one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1700", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new HeadlessChromium(service, new ChromeDriver(service, options));
    }

    public ChromeDriver driver() {
        return browser;
    }

    /** Opens the page and waits until its event stream is live. */
    public void openLive(String url) {
        browser.get(url);
        waitFor("the page to go live", () -> text(By.id("status")).equals("live"));
    }

    /** How many points a chart holds now ({@code chart-rates}, {@code chart-timings}, {@code chart-parts}). */
    public int points(String chart) {
        return Integer.parseInt(browser.findElement(By.id(chart)).getAttribute("data-points"));
    }

    public String text(By by) {
        return browser.findElement(by).getText();
    }

    public Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    public void waitFor(String what, BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(() -> "waited " + WAIT.toSeconds() + " s for " + what)
                .until(driver -> condition.getAsBoolean());
    }

    /** Script errors and failed loads show in the browser's console: none is expected. */
    public void assertNoErrorsLogged() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).collect(Collectors.toList());
        assertEquals(List.of(), errors);
    }

    /** Leaves the page (its event stream closes) and forgets the console, for the next test. */
    public void leave() {
        browser.get("about:blank");
        browser.manage().logs().get(LogType.BROWSER);
    }

    /** The whole page in one picture: the window made as tall as the page, then a moment for the charts to redraw. */
    public void screenshot(Path file) throws Exception {
        long height = (Long) js("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1400, (int) height + 100));
        Thread.sleep(500);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1400, 1700));
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
    }
}
