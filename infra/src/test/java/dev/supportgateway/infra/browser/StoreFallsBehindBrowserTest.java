package dev.supportgateway.infra.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.supportgateway.infra.DemoDesksGateway;
import dev.supportgateway.infra.GatewayApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer whose message the gateway cannot take for now (the embedded database is as far behind as it may be)
 * sees why, and the widget sends the message again by itself until it is taken and answered.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreFallsBehindBrowserTest {


    @TempDir
    static Path data;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        DemoDesksGateway.register(registry, () -> data);
        // one conversation may wait for the database, and it waits 10 s: the second customer is refused meanwhile
        registry.add("gateway.storage.max-unwritten-conversations", () -> "1");
        registry.add("gateway.storage.journal-checkpoint", () -> "10s");
        registry.add("gateway.widget.unavailable-retry", () -> "2s");
    }

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aMessageTheGatewayCannotTakeNowIsSentAgainByTheWidgetAndAnswered() {
        try (BrowserContext firstContext = browser.newContext();
             BrowserContext secondContext = browser.newContext()) {
            Page first = open(firstContext);
            Page second = open(secondContext);

            ask(first, "Какие часы работы службы поддержки?");
            assertThat(bot(first).first()).isVisible();
            ask(second, "Как зарегистрировать ошибку на портале?");

            assertThat(second.getByTestId("widget-notice")).containsText("Сообщение пока не доставлено");
            assertThat(bot(second)).hasCount(0);
            // the first conversation is written 10 s after its save; the widget resends after 2, 4, 8 and 16 s
            assertThat(bot(second).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
            assertThat(second.getByTestId("widget-notice")).isEmpty();
            assertThat(second.locator("[data-testid=widget-message][data-author=customer]"))
                    .hasText("Как зарегистрировать ошибку на портале?");
        }
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + "/demo/edoc");
        page.getByTestId("widget-open").click();
        return page;
    }

    private static Locator bot(Page page) {
        return page.locator("[data-testid=widget-message][data-author=bot]");
    }

    private static void ask(Page page, String text) {
        page.getByTestId("widget-input").fill(text);
        page.getByTestId("widget-send").click();
    }
}
