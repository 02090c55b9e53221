package io.tweetpipe.adapters.web;

import static io.tweetpipe.adapters.web.Outputs.batch;
import static io.tweetpipe.adapters.web.Outputs.count;
import static io.tweetpipe.adapters.web.Outputs.figures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.web.testing.HeadlessChromium;
import io.tweetpipe.domain.batch.StreamOutput;
import io.vavr.collection.List;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page in a real headless Chromium, driven by Selenium ({@link HeadlessChromium}: fails, never skips, when
 * Debian's chromium and chromium-driver are missing), fed by the sink as the stream service feeds it.
 */
class DashboardBrowserTest {

    /** Would set window.__xss (or raise an alert) if the page ever inserted a tweet as markup. */
    private static final String[] HOSTILE = {
        "<img src=x onerror=alert(1)>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<script>window.__xss=2</script>",
        "<svg onload=\"window.__xss=3\"></svg> & &amp; &lt;b&gt;"
    };

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    private Dashboard dashboard;

    @BeforeAll
    static void openBrowser() {
        chromium = HeadlessChromium.open();
        browser = chromium.driver();
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closeDashboard() {
        chromium.leave();
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private Dashboard start() {
        AtomicLong relayed = new AtomicLong();
        dashboard = Dashboard.start(DashboardSettings.defaults().withPort(0), GeneratedStream.INTERVAL,
                () -> List.of(new PartState("relay", "1 reader connected",
                        List.of(PartState.Gauge.count("relayed", relayed.addAndGet(1_000)),
                                PartState.Gauge.count("dropped", 0), PartState.Gauge.level("readers", 1)))))
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        return dashboard;
    }

    private void open() {
        chromium.openLive(dashboard.url().toString());
    }

    @Test
    void givenThreeBatches_charts_gainAPointWithEach() {
        start();
        open();

        java.util.List<Integer> points = new java.util.ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            int expected = s;
            dashboard.sink().accept(figures(s, 1_000L * s, 200, 0));
            waitFor("point " + s, () -> points("chart-rates") == expected);
            points.add(points("chart-rates"));
            assertEquals(expected, points("chart-timings"));
            assertEquals(expected, points("chart-parts"));
        }

        assertEquals(java.util.List.of(1, 2, 3), points);
        noErrorsLogged();
    }

    @Test
    void givenPageOpenedLate_charts_startWithTheHistory() {
        start();
        for (int s = 1; s <= 3; s++) {
            dashboard.sink().accept(figures(s, 500, 100, 0));
        }

        open();

        waitFor("the history", () -> points("chart-rates") == 3);
        noErrorsLogged();
    }

    @Test
    void givenRankingOfAGeneratedStream_trendsTable_showsTheKnownTopHashtagFirst() {
        start();
        open();
        GeneratedStream stream = new GeneratedStream(Instant.parse("2026-11-24T08:00:00Z"));

        for (int b = 0; b < 4; b++) {
            stream.next().forEach(dashboard.sink()::accept);
        }

        By firstKey = By.cssSelector(".ranking[data-name='trends-hashtags'] tbody tr:first-child td.key");
        waitFor("the hashtag ranking", () -> !browser.findElements(firstKey).isEmpty());
        assertEquals("#" + GeneratedStream.TOP_HASHTAG, text(firstKey));
        assertTrue(browser.findElements(By.cssSelector(".ranking[data-name='trends-hashtags'] tbody tr")).size() > 3);
        noErrorsLogged();
    }

    @Test
    void givenRankingAfterAnother_trendsTable_showsTheChangeSinceTheLastSlide() {
        start();
        open();

        dashboard.sink().accept(Outputs.ranking(4, Outputs.HASHTAGS, List.of(count("covid", 9), count("masks", 2),
                count("fresh", 1)), List.of(count("covid", 5), count("masks", 6))));

        By changes = By.cssSelector(".ranking[data-name='trends-hashtags'] tbody td:last-child");
        waitFor("the ranking", () -> browser.findElements(changes).size() == 3);
        assertEquals(java.util.List.of("▲ +4", "▼ -4", "new"),
                browser.findElements(changes).stream().map(WebElement::getText).collect(Collectors.toList()));
    }

    @Test
    void givenHostileTweets_page_showsTheirCharactersAndRunsNoScript() {
        start();
        open();

        dashboard.sink().accept(batch(1, HOSTILE));
        dashboard.sink().accept(figures(1, HOSTILE.length, 10, 0));

        By tweets = By.cssSelector("#tweets tbody td.text");
        waitFor("the tweets", () -> browser.findElements(tweets).size() == HOSTILE.length);
        java.util.List<String> shown = browser.findElements(tweets).stream()
                .map(cell -> cell.getAttribute("textContent")).collect(Collectors.toList());
        assertEquals(java.util.List.of(HOSTILE), shown, "each tweet's characters, as they were");
        assertTrue(browser.findElements(By.cssSelector("#tweets img, #tweets script, #tweets svg")).isEmpty(),
                "no element was made from a tweet");
        assertEquals(Boolean.TRUE, js("return typeof window.__xss === 'undefined';"), "no handler ran");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no alert");
        noErrorsLogged();
    }

    @Test
    void givenAMinuteOfAGeneratedStream_page_showsEveryPanelAndStaysWithinItsCaps() throws Exception {
        start();
        GeneratedStream stream = new GeneratedStream(Instant.now().minusSeconds(61).truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        for (int b = 0; b < 40; b++) {
            stream.next().forEach(dashboard.sink()::accept);
        }
        open();
        for (int b = 0; b < 20; b++) {
            for (StreamOutput output : stream.next()) {
                dashboard.sink().accept(output);
            }
        }
        dashboard.sink().accept(new Outputs.Accuracy(Instant.now(), 0.875));

        waitFor("sixty batches", () -> points("chart-rates") == 60);
        waitFor("the other result", () -> !browser.findElements(By.cssSelector("#others pre")).isEmpty());
        assertEquals(DashboardSink.TWEET_BATCHES * OutputJson.TWEETS_PER_BATCH,
                browser.findElements(By.cssSelector("#tweets tbody tr")).size(), "the tweets table is capped");
        assertEquals(2, browser.findElements(By.cssSelector("#rankings .ranking")).size());
        assertTrue(text(By.id("totals")).contains("distinct hashtags"));
        assertTrue(text(By.id("queries")).contains("SELECT lang"));
        assertTrue(text(By.id("parts")).contains("relay"));
        noErrorsLogged();
        chromium.screenshot(Path.of("target", "dashboard.png"));
    }

    private int points(String chart) {
        return chromium.points(chart);
    }

    private String text(By by) {
        return chromium.text(by);
    }

    private Object js(String script) {
        return chromium.js(script);
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        chromium.waitFor(what, condition);
    }

    private void noErrorsLogged() {
        chromium.assertNoErrorsLogged();
    }
}
