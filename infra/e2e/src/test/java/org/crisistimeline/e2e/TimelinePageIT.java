package org.crisistimeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page at {@code /} in Debian's headless Chromium, against both services as they ship with the demo crisis loaded.
 * Every test ends with no error in the browser's console; screenshots are kept in target/screenshots.
 */
class TimelinePageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CRISIS = "/?scope=crisis&key=iran-us-2020";

    private static DemoStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheServicesAndABrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of(System.getProperty("chromeBinary")))
                                && Files.isExecutable(Path.of(System.getProperty("chromeDriver")))
                        || "true".equals(System.getenv("CI")),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver);"
                        + " CI installs them");
        stack = DemoStack.start("page");
        var options = new ChromeOptions()
                .setBinary(System.getProperty("chromeBinary"))
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1440,1000",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        // the machine's chromedriver, named, so that Selenium downloads nothing
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromeDriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void theConsoleHasNoErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    @Test
    void theGbTimelineShowsTheUkStaffingChangesAndTheStatementsOfJohnsonAndRaab() throws Exception {
        open("/?scope=country&key=GB");

        awaitShown("uk-embassy-staff-reduced-tehran");
        assertThat(shown())
                .contains(
                        "uk-embassy-staff-reduced-tehran",
                        "uk-embassy-staff-reduced-baghdad",
                        "johnson-distances-from-trump-cultural-sites",
                        "raab-cultural-sites-protected")
                .doesNotContain("uk-embassy-tehran-closed");
        assertThat(browser.findElements(By.cssSelector("#timeline .vis-item"))).isNotEmpty();
        assertThat(browser.findElement(By.id("scope-title")).getText()).isEqualTo("United Kingdom");
        screenshot("gb-timeline");
    }

    @Test
    void movingTheKnownAtSliderToTheFourthOfJanuaryMakesTheLaterIncidentsDisappear() throws Exception {
        open(CRISIS);
        awaitShown("iraqi-parliament-votes-to-expel-us-troops");

        // hours since the epoch, as the slider counts; a range input moved by script fires change as a drag ends
        ((JavascriptExecutor) browser).executeScript("""
                const slider = document.getElementById('known-at');
                slider.value = String(Date.parse('2020-01-04T00:00:00Z') / 3600000);
                slider.dispatchEvent(new Event('input'));
                slider.dispatchEvent(new Event('change'));
                """);

        wait(PATIENCE).until(page -> !shown().contains("iraqi-parliament-votes-to-expel-us-troops"));
        // the strike was known by then from the Department of Defense's statement of 3 January
        assertThat(shown()).contains("soleimani-killed-baghdad-airport");
        assertThat(shown()).doesNotContain("johnson-distances-from-trump-cultural-sites");
        assertThat(browser.getCurrentUrl()).contains("knownAt=2020-01-04T00%3A00%3A00.000Z");
        screenshot("known-at-2020-01-04");
    }

    @Test
    void openingTheSoleimaniStrikeShowsItsTwoSourcesAndItsVersionHistory() throws Exception {
        open(CRISIS + "&from=2019-12-30&to=2020-01-09");
        awaitShown("soleimani-killed-baghdad-airport");

        browser.findElement(By.cssSelector("#list button[data-incident='soleimani-killed-baghdad-airport']"))
                .click();

        WebElement details = wait(PATIENCE).until(page -> {
            WebElement panel = page.findElement(By.id("details"));
            return panel.isDisplayed()
                            && !panel.findElements(By.cssSelector(".history > li"))
                                    .isEmpty()
                    ? panel
                    : null;
        });
        assertThat(details.findElements(By.cssSelector(".sources > li")))
                .extracting(WebElement::getText)
                .hasSize(2)
                .anySatisfy(text -> assertThat(text).contains("Sky News"))
                .anySatisfy(text -> assertThat(text).contains("US Department of Defense"));
        // recorded, a source attached, verified
        assertThat(details.findElements(By.cssSelector(".history > li")))
                .extracting(WebElement::getText)
                .hasSize(3)
                .satisfies(versions -> assertThat(versions.get(1)).contains("source attached", "sources[1]"))
                .satisfies(versions -> assertThat(versions.get(2)).contains("verified", "status"));
        assertThat(browser.getCurrentUrl()).contains("incident=soleimani-killed-baghdad-airport");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("soleimani-strike");
        Path readme = Path.of(System.getProperty("screenshotsDir"), "timeline-page.png");
        Files.copy(
                Path.of(System.getProperty("screenshotsDir"), "soleimani-strike.png"),
                readme,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theReplayShowsTheStrikeFirstFromTheDefenseDepartmentsStatementThenTheRestAsTheArticleReportedIt() {
        open(CRISIS);
        awaitShown("iraqi-parliament-votes-to-expel-us-troops");

        // a day of news a second: the statement of 3 January, then about four seconds later the article of 7 January
        new Select(browser.findElement(By.id("speed"))).selectByValue("86400");
        browser.findElement(By.id("replay")).click();

        wait(PATIENCE).until(page -> shown().contains("soleimani-killed-baghdad-airport"));
        assertThat(shown()).doesNotContain("iraqi-parliament-votes-to-expel-us-troops");
        wait(PATIENCE)
                .until(page -> page.findElement(By.id("replay-clock")).getText().contains("replay ended"));
        assertThat(shown())
                .contains("iraqi-parliament-votes-to-expel-us-troops", "raab-cultural-sites-protected")
                .doesNotContain("uk-embassy-tehran-closed");
    }

    @Test
    void anIncidentRecordedThroughTheApiAppearsWithoutAReload() throws Exception {
        open(CRISIS);
        awaitShown("soleimani-killed-baghdad-airport");
        wait(PATIENCE).until(page -> page.findElement(By.id("live")).getText().equals("live"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        HttpResponse<String> recorded = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.commandService.baseUrl() + "/api/v1/incidents"))
                                .header("Authorization", "Bearer " + TestTokens.token("e2e-page", "recorder"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"id": "missile-attack-ain-al-asad-2020-01-08", "crisisId": "iran-us-2020",
                                         "type": "STRIKE", "occurredAt": "2020-01-07T22:30:00Z",
                                         "occurredPrecision": "HOUR",
                                         "location": {"country": "IQ", "place": "Ain al-Asad air base"},
                                         "actors": [{"actorId": "iran", "role": "INITIATOR"},
                                                    {"actorId": "united-states", "role": "TARGET"}],
                                         "summary": "Iran fires ballistic missiles at Ain al-Asad air base.",
                                         "details": {"method": "MISSILE", "target": "Ain al-Asad air base"},
                                         "sources": [{"publisher": "Example Wire",
                                                      "url": "https://example.org/ain-al-asad",
                                                      "publishedAt": "2020-01-08T00:10:00Z"}],
                                         "confidence": "MEDIUM"}
                                        """))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        wait(PATIENCE).until(page -> shown().contains("missile-attack-ain-al-asad-2020-01-08"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"))
                .isEqualTo(true);
        screenshot("recorded-live");
    }

    private static void open(String path) {
        browser.get(stack.queryService.baseUrl() + path);
    }

    private static void awaitShown(String incidentId) {
        wait(PATIENCE).until(page -> shown().contains(incidentId));
    }

    /** The incidents the page shows: its list of the items drawn on the timeline. */
    @SuppressWarnings("unchecked")
    private static List<String> shown() {
        return (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return [...document.querySelectorAll('#list button')].map(b => b.dataset.incident)");
    }

    private static WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    private static void screenshot(String name) throws Exception {
        Path file = Path.of(System.getProperty("screenshotsDir"), name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
