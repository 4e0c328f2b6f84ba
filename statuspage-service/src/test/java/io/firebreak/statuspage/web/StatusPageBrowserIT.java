package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.schemas.incident.Audience;
import io.firebreak.schemas.incident.Severity;
import io.firebreak.support.testing.IncidentStory;
import io.firebreak.statuspage.support.StatusPageIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The page as a customer sees it: headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/run) loads it, finds the active incident and its latest update, and saves a screenshot under target/.
 */
@StatusPageIntegrationTest
class StatusPageBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    RenderedPages pages;

    @Test
    void showsTheActiveIncidentAndItsLatestUpdateInARealBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Debian chromium and chromium-driver are not installed (.ci/run installs them)");
        try (IncidentStory story = new IncidentStory(broker.getBrokersAsString())) {
            story.declared("Payments are declined", Severity.CRITICAL, true, "payments")
                    .update(Audience.CUSTOMER, "Some card payments are declined", "Customers paying by card",
                            "We switched to the backup payment provider");
            await().atMost(Duration.ofSeconds(30)).until(() -> pages.rendered("/").map(p -> new String(p.body()))
                    .filter(html -> html.contains("backup payment provider")).isPresent());
        }

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1600",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://127.0.0.1:" + port + "/");

            assertThat(browser.getTitle()).isEqualTo("Acme Status");
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Major System Outage");
            String active = browser.findElement(By.cssSelector("section[aria-labelledby=active]")).getText();
            assertThat(active).contains("Checkout is experiencing a major outage").doesNotContain("Payments are declined")
                    .contains("Some card payments are declined")
                    .contains("We switched to the backup payment provider").contains("UTC");
            assertThat(browser.findElement(By.tagName("main")).isDisplayed()).isTrue();
            // issue 17: a 90-day uptime bar per component, each day with a text alternative
            var bars = browser.findElements(By.cssSelector(".uptime ol"));
            assertThat(bars).hasSize(4).allSatisfy(bar -> {
                assertThat(bar.getAttribute("aria-label")).matches(".+ uptime, last 90 days: \\d+\\.\\d\\d%");
                assertThat(bar.findElements(By.tagName("li"))).hasSize(90);
            });
            var today = browser.findElement(By.cssSelector(".components li:first-child .uptime li:last-child"));
            assertThat(today.getAttribute("class")).contains("major_outage");
            assertThat(today.getAttribute("title")).endsWith(": Major outage");
            assertThat(today.getSize().getHeight()).isPositive();

            Path screenshot = Path.of("target", "statuspage.png");
            Files.createDirectories(screenshot.getParent());
            Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(screenshot)).isPositive();
        } finally {
            browser.quit();
        }
    }
}
