package org.crisistimeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.crisistimeline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
 * The page at {@code /} in Debian's headless Chromium, against both services as they ship with the demo crisis loaded
 * and the README's UCDP GED sample imported. Every test ends with no error in the browser's console; screenshots are
 * kept in target/screenshots.
 */
class TimelinePageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CRISIS = "/?scope=crisis&key=iran-us-2020";
    private static final Path UCDP_SAMPLE = DemoStack.DEMO_LOADER.resolveSibling("samples/ucdp-ged-sample.csv");
    /** the sample's next release: it changes no row the page tests look at (Iraq's are kept, 900012's figures aside) */
    private static final Path UCDP_NEXT_RELEASE =
            DemoStack.DEMO_LOADER.resolveSibling("samples/ucdp-ged-sample-24.1.csv");

    private static final ObjectMapper JSON = new ObjectMapper();

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
        importTheUcdpSample();
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

    @Test
    void choosingADataSetAndAnOriginalCodeNarrowsTheTimelineAndAReloadKeepsBoth() throws Exception {
        // Iraq between 2014 and 2020: the demo crisis's incidents, recorded here, and five rows of the UCDP sample
        open("/?scope=country&key=IQ&from=2014-01-01&to=2020-02-01");
        awaitShown("soleimani-killed-baghdad-airport");
        awaitShown("ucdp-ged-900002");

        new Select(browser.findElement(By.id("dataset"))).selectByValue("UCDP GED");

        wait(PATIENCE).until(page -> !shown().contains("soleimani-killed-baghdad-airport"));
        assertThat(shown())
                .containsExactlyInAnyOrder(
                        "ucdp-ged-900001", "ucdp-ged-900002", "ucdp-ged-900003", "ucdp-ged-900011", "ucdp-ged-900012");
        assertThat(browser.getCurrentUrl()).contains("dataset=UCDP+GED");

        // one-sided violence (UCDP's type_of_violence 3): the villagers near Kirkuk in 2016 and Sinjar in 2014
        WebElement code = browser.findElement(By.id("code"));
        code.sendKeys("type_of_violence:3", Keys.TAB);

        wait(PATIENCE).until(page -> shown().size() == 2);
        assertThat(shown()).containsExactlyInAnyOrder("ucdp-ged-900003", "ucdp-ged-900011");
        assertThat(browser.getCurrentUrl()).contains("code=type_of_violence%3A3");

        browser.navigate().refresh();
        awaitShown("ucdp-ged-900003");
        assertThat(shown()).containsExactlyInAnyOrder("ucdp-ged-900003", "ucdp-ged-900011");
        assertThat(new Select(browser.findElement(By.id("dataset")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("UCDP GED");
        assertThat(browser.findElement(By.id("code")).getDomProperty("value")).isEqualTo("type_of_violence:3");
        screenshot("ucdp-one-sided-violence-in-iraq");
    }

    @Test
    void aRangedIncidentIsDrawnFromItsStartToItsEndAndItsPanelShowsTheRowItCameFrom() throws Exception {
        // 900001 is one day (25 June 2017), 900002 the four days 1–4 July 2017 (date_prec 2), 900012 one day
        open("/?scope=crisis&key=ucdp-sample&from=2017-06-20&to=2017-07-15");
        awaitShown("ucdp-ged-900002");
        awaitShown("ucdp-ged-900001");

        double day = drawnWidth("ucdp-ged-900001");
        double range = drawnWidth("ucdp-ged-900002");
        assertThat(day).isPositive();
        assertThat(range / day).as("drawn four days long, not one").isBetween(3.6, 4.4);

        browser.findElement(By.cssSelector("#list button[data-incident='ucdp-ged-900002']"))
                .click();
        WebElement details = wait(PATIENCE).until(page -> {
            WebElement panel = page.findElement(By.id("details"));
            return panel.isDisplayed()
                            && !panel.findElements(By.cssSelector(".origin")).isEmpty()
                    ? panel
                    : null;
        });
        assertThat(details.findElement(By.cssSelector(".facts")).getText()).contains("2017-07-01 – 2017-07-04");
        assertThat(details.findElement(By.cssSelector(".origin")).getText())
                .contains("UCDP GED", "23.1", "900002", "type_of_violence");
        screenshot("ucdp-range");
    }

    /**
     * Release 24.1 of the UCDP sample over 23.1, with --retract-missing: the amendment is in the incident's history with
     * the release as its reason, and asOf a time before the import still answers what 23.1 said.
     */
    @Test
    void aNextReleaseIsInTheIncidentsHistoryAndAsOfStillShowsWhatTheReleaseBeforeSaid() throws Exception {
        Instant before23Point1WasReplaced = Instant.now();

        JsonNode job = importUcdp(UCDP_NEXT_RELEASE, "24.1", "&retractMissing=true");

        assertThat(job.get("counts"))
                .isEqualTo(JSON.readTree("{\"rowsRead\":11,\"imported\":1,\"unchanged\":6,\"amended\":4,"
                        + "\"retracted\":2,\"refused\":0}"));
        // 900005, Yemen 2016: best 115 in 23.1, 130 in 24.1
        JsonNode history = await(
                "/api/v1/incidents/ucdp-ged-900005/history",
                page -> page.get("versions").size() == 2);
        JsonNode amendment = history.get("versions").get(1);
        assertThat(amendment.get("reason").asText()).isEqualTo("UCDP GED 24.1");
        assertThat(amendment.get("changes")).anySatisfy(change -> {
            assertThat(change.get("field").asText()).isEqualTo("details.fatalities.best");
            assertThat(change.get("from").asInt()).isEqualTo(115);
            assertThat(change.get("to").asInt()).isEqualTo(130);
        });
        assertThat(stack.get("/api/v1/incidents/ucdp-ged-900005?asOf=" + before23Point1WasReplaced)
                        .at("/details/fatalities/best")
                        .asInt())
                .isEqualTo(115);
        assertThat(stack.get("/api/v1/incidents/ucdp-ged-900005")
                        .at("/details/fatalities/best")
                        .asInt())
                .isEqualTo(130);
        // 900004 and 900006 are not in 24.1: retracted now, on the timeline as it was held before
        await(
                "/api/v1/timelines/crises/ucdp-sample?limit=500",
                // the two retractions travel on their incidents' partitions, each applied in its own time
                page -> page.get("items").findValuesAsText("incidentId").stream()
                        .noneMatch(id -> id.equals("ucdp-ged-900004") || id.equals("ucdp-ged-900006")));
        assertThat(stack.get("/api/v1/timelines/crises/ucdp-sample?limit=500")
                        .get("items")
                        .findValuesAsText("incidentId"))
                .contains("ucdp-ged-900013")
                .doesNotContain("ucdp-ged-900004", "ucdp-ged-900006");
        assertThat(stack.get("/api/v1/timelines/crises/ucdp-sample?limit=500&asOf=" + before23Point1WasReplaced)
                        .get("items")
                        .findValuesAsText("incidentId"))
                .contains("ucdp-ged-900004", "ucdp-ged-900006")
                .doesNotContain("ucdp-ged-900013");
    }

    /** A GET of the query service, asked again until the answer satisfies {@code done}, which the read model reaches. */
    private static JsonNode await(String path, java.util.function.Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode answer = stack.get(path);
            if (done.test(answer)) {
                return answer;
            }
            assertThat(Instant.now()).as("GET %s: %s", path, answer).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The width the timeline draws an incident with, found by its summary: vis-timeline's items carry no id of ours. */
    private static double drawnWidth(String incidentId) throws Exception {
        String summary =
                stack.get("/api/v1/incidents/" + incidentId).get("summary").asText();
        Object width = ((JavascriptExecutor) browser).executeScript("""
                        const item = [...document.querySelectorAll('#timeline .vis-item')]
                            .find(element => element.textContent.includes(arguments[0]));
                        return item ? item.getBoundingClientRect().width : -1;
                        """, summary);
        return ((Number) width).doubleValue();
    }

    /**
     * The README's UCDP GED sample, imported as {@code infra/import.sh} does it (POST /api/v1/imports, editor role),
     * and waited for until all its rows are on their crisis's timeline.
     */
    private static void importTheUcdpSample() throws Exception {
        JsonNode job = importUcdp(UCDP_SAMPLE, "23.1", "&createCrisis=UCDP%20GED%20sample");
        assertThat(job.get("counts").get("imported").asLong())
                .as(job.toString())
                .isEqualTo(12);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        // 404 until the crisis and its incidents have reached the query service
        URI timeline = URI.create(stack.queryService.baseUrl() + "/api/v1/timelines/crises/ucdp-sample?limit=500");
        while (true) {
            HttpResponse<String> page =
                    http.send(HttpRequest.newBuilder(timeline).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200
                    && JSON.readTree(page.body()).get("items").size() == 12) {
                return;
            }
            assertThat(Instant.now())
                    .as("the sample's rows reach the timeline: %s", page.body())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** A UCDP GED file imported into the crisis ucdp-sample as the CLI does it; @return the job when it succeeded */
    private static JsonNode importUcdp(Path file, String release, String parameters) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = TestTokens.token("e2e-page-import", "editor");
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(stack.commandService.baseUrl()
                                + "/api/v1/imports?format=ucdp-ged&crisis=ucdp-sample&release=" + release
                                + "&fileName=" + file.getFileName() + parameters))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        URI status = URI.create(stack.commandService.baseUrl()
                + JSON.readTree(accepted.body()).get("status").asText());
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode job;
        do {
            Thread.sleep(200);
            job = JSON.readTree(http.send(
                            HttpRequest.newBuilder(status)
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            assertThat(Instant.now()).as("the import finishes: %s", job).isBefore(deadline);
        } while (List.of("QUEUED", "RUNNING").contains(job.get("state").asText()));
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
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
