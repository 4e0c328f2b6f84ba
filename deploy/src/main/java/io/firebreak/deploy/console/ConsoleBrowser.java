package io.firebreak.deploy.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser on the responder console: Debian's headless Chromium driven by its chromedriver (the packages
 * chromium and chromium-driver, which .ci/run installs, as for the status page's browser test). Used by the console's
 * end-to-end suite and by the bench's console step; it speaks only the console's DOM contract: {@code #login-token},
 * {@code #login-submit}, {@code #sign-out}, hash routes and {@code document.body.dataset.ready}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** How long a view may take to paint its data; generous for a loaded 2-core CI machine. */
    static final Duration VIEW_TIMEOUT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl) {
        this.driver = driver;
        this.consoleUrl = consoleUrl;
    }

    /** Whether Debian's Chromium and its driver are installed here. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts a browser (its own profile, so its own session storage) and opens the console, signed out. */
    public static ConsoleBrowser open(String consoleUrl, int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-extensions",
                        "--window-size=" + width + "," + height,
                        "--user-data-dir=" + Files.createTempDirectory("chromium-console"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ConsoleBrowser browser = new ConsoleBrowser(new ChromeDriver(service, options), consoleUrl);
        browser.driver.get(consoleUrl);
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in through the login form, as a person pasting their token does, and waits for the board. */
    public void signIn(String token) {
        // a view still loading shows neither control; #/login while signed in redirects to the board, so sign out
        // first whenever the shell says someone is signed in
        new WebDriverWait(driver, VIEW_TIMEOUT).until(d -> displayed(By.id("sign-out")) || displayed(By.id("login-token")));
        if (displayed(By.id("sign-out"))) {
            signOut();
        } else {
            show("#/login", By.id("login-token"));
        }
        WebElement input = driver.findElement(By.id("login-token"));
        input.clear();
        input.sendKeys(token);
        forgetReady();
        driver.findElement(By.id("login-submit")).click();
        awaitReady();
    }

    /** Signs out with the console's own control and waits for the login form. */
    public void signOut() {
        driver.findElement(By.id("sign-out")).click();
        new WebDriverWait(driver, VIEW_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-token")));
    }

    /** Goes to a route of the console (a hash such as {@code #/oncall}) without reloading, and waits for its data. */
    public void go(String hash) {
        if (!hash.equals(script("return location.hash;"))) {
            // the same hash again fires no hashchange, so the router would not render (nor set the flag) anew
            forgetReady();
            script("location.hash = arguments[0];", hash);
        }
        awaitReady();
    }

    /** Waits until the current view says it has painted its data ({@code body[data-ready=true]}). */
    public void awaitReady() {
        new WebDriverWait(driver, VIEW_TIMEOUT).until(d -> "true".equals(script("return document.body.dataset.ready;")));
    }

    /** Loads the console afresh (a real page load, not a route change) and waits for the view's data. */
    public void reload() {
        forgetReady();
        driver.navigate().refresh();
        awaitReady();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Writes a PNG of what the browser shows. */
    public Path screenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    /** False also for an element the view replaced while we looked at it. */
    private boolean displayed(By locator) {
        try {
            return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
        } catch (StaleElementReferenceException replaced) {
            return false;
        }
    }

    private void show(String hash, By expected) {
        script("location.hash = arguments[0];", hash);
        new WebDriverWait(driver, VIEW_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(expected));
    }

    /** The router resets the flag on navigation; clearing it first means a stale "true" is never mistaken for ready. */
    private void forgetReady() {
        script("delete document.body.dataset.ready;");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
