package dev.supportgateway.infra.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.infra.DemoDesksGateway;
import dev.supportgateway.infra.GatewayApplication;
import dev.supportgateway.infra.QueuedRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path in real browsers: a customer on {@code /demo/edoc} asks, gets an article, says it did not help;
 * an operator logs into the console in another browser context, takes the chat over and replies; the customer
 * sees it; the operator hands the chat back and the bot answers again. Screenshots go to target/screenshots.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WidgetAndConsoleBrowserTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        DemoDesksGateway.register(registry, () -> data);
    }

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ConversationEngine engine;

    @BeforeAll
    static void launchChromium() throws Exception {
        chromium = Chromium.launch();
        browser = chromium.browser();
        Files.createDirectories(SCREENSHOTS);
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void customerBotOperatorAndBackToTheBot() throws Exception {
        try (BrowserContext customerContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
             BrowserContext operatorContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/demo/edoc"));
            customer.getByTestId("widget-open").click();
            // at work or not, depending on the hour in Astana: either way the customer is told
            assertThat(customer.getByTestId("widget-availability")).hasText(Pattern.compile("^Операторы (на связи|работают .+)"));
            Locator messages = customer.getByTestId("widget-message");
            Locator bot = customer.locator("[data-testid=widget-message][data-author=bot]");

            ask(customer, "Как зарегистрировать ошибку на портале?");
            assertThat(bot.first()).isVisible();
            assertThat(customer.locator("[data-testid=widget-message][data-author=customer]").first())
                    .hasText("Как зарегистрировать ошибку на портале?");
            Locator notHelped = customer.getByTestId("widget-action").filter(new Locator.FilterOptions().setHasText("Не помогло"));
            if (notHelped.count() == 0) {
                // the bot was not sure and offered candidates: take the first article, then say it did not help
                customer.getByTestId("widget-action").first().click();
            }
            assertThat(notHelped.last()).isVisible();
            customer.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-article.png")));
            int before = bot.count();
            notHelped.last().click();
            assertThat(bot.nth(before)).isVisible();

            Page console = logInToTheConsole(operatorContext);
            // other tests leave waiting requests of other desks at the top of the list
            Locator conversation = console.getByTestId("console-conversation").filter(new Locator.FilterOptions().setHasText("E-DOC")).first();
            assertThat(conversation).isVisible();
            conversation.click();
            console.getByTestId("console-take-over").click();
            assertThat(console.getByTestId("console-send")).isEnabled();

            Locator system = customer.locator("[data-testid=widget-message][data-author=system]");
            assertThat(system.last()).containsText("Оператор Алия Демо подключился к чату");
            // «мои»: only the chats this operator holds
            console.getByTestId("console-view-filter").selectOption("mine");
            assertThat(console.getByTestId("console-conversation").first()).containsText("ведёт Алия Демо");
            assertThat(console.getByTestId("console-conversation")
                    .filter(new Locator.FilterOptions().setHasNotText("ведёт Алия Демо"))).hasCount(0);
            console.getByTestId("console-view-filter").selectOption("");

            // the customer sends a screenshot of the error, as the regulation asks; the operator opens it
            // typed as a person types: the widget signals at most every 3 s, and the last signal came while the bot served
            customer.getByTestId("widget-input").pressSequentially("Вот скриншот ошибки",
                    new Locator.PressSequentiallyOptions().setDelay(250));
            assertThat(console.getByTestId("console-customer-typing")).hasText("Клиент печатает…");
            customer.getByTestId("widget-file").setInputFiles(Paths.get("src/test/resources/files/error-screenshot.png"));
            assertThat(customer.getByTestId("widget-file-name").last()).hasText(Pattern.compile("^Файл: error-screenshot\\.png \\(\\d+ КБ\\)$"));
            assertThat(customer.locator("[data-testid=widget-message].sgw-unsent")).hasCount(0);
            Locator file = console.getByTestId("console-file").last();
            assertThat(file).containsText("error-screenshot.png");
            var opened = console.request().get(url(file.getAttribute("href")));
            org.assertj.core.api.Assertions.assertThat(opened.status()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(opened.headers().get("content-type")).isEqualTo("image/png");

            // the customer sees the operator writing
            console.getByTestId("console-input").pressSequentially("Сейчас");
            assertThat(customer.getByTestId("widget-status")).hasText("Алия Демо печатает…");
            console.getByTestId("console-input").fill("");
            console.getByTestId("console-ready-reply").selectOption("greeting");
            assertThat(console.getByTestId("console-input")).hasValue(Pattern.compile("^Здравствуйте! Меня зовут Алия Демо, я специалист поддержки E-DOC"));
            console.getByTestId("console-input").fill("Здравствуйте! Я оператор, помогу зарегистрировать ошибку.");
            console.getByTestId("console-send").click();
            Locator operator = customer.locator("[data-testid=widget-message][data-author=operator]");
            assertThat(operator.last()).containsText("Здравствуйте! Я оператор, помогу зарегистрировать ошибку.");
            assertThat(console.getByTestId("console-message").last()).containsText("помогу зарегистрировать ошибку");

            // the operator sends an instruction; the customer saves it under its name
            Path instruction = Paths.get("src/test/resources/files/Инструкция по подписанию.txt");
            console.getByTestId("console-input").fill("Вот инструкция");
            console.getByTestId("console-file-input").setInputFiles(instruction);
            assertThat(console.getByTestId("console-attached")).containsText("Инструкция по подписанию.txt");
            // picking a file sends nothing yet
            assertThat(customer.getByTestId("widget-file-download")).hasCount(0);
            console.getByTestId("console-send").click();
            assertThat(console.getByTestId("console-attached")).isHidden();
            Locator sent = customer.getByTestId("widget-file-download").last();
            assertThat(sent).containsText("Инструкция по подписанию.txt");
            assertThat(operator.last()).containsText("Вот инструкция");
            Download download = customer.waitForDownload(sent::click);
            org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("Инструкция по подписанию.txt");
            org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(Files.readAllBytes(instruction));
            // a screenshot of where to click is shown as a picture in the chat
            console.getByTestId("console-file-input").setInputFiles(Paths.get("src/test/resources/files/error-screenshot.png"));
            console.getByTestId("console-send").click();
            Locator shot = customer.getByTestId("widget-file-picture").last();
            assertThat(shot).isVisible();
            customer.waitForCondition(() -> (Boolean) shot.evaluate("img => img.complete && img.naturalWidth > 0"));

            // a note for colleagues stays in the console: written in note mode, of which the customer hears nothing
            console.getByTestId("console-add-note").click();
            assertThat(console.getByTestId("console-add-note")).hasAttribute("aria-pressed", "true");
            assertThat(console.getByTestId("console-send")).hasText("Сохранить заметку");
            console.getByTestId("console-input").pressSequentially("Клиент из ТОО, проверить роуминг после ответа");
            console.getByTestId("console-send").click();
            assertThat(console.locator("[data-testid=console-message][data-author=note]")).containsText("проверить роуминг");
            assertThat(customer.getByTestId("widget-message").filter(new Locator.FilterOptions().setHasText("проверить роуминг")))
                    .hasCount(0);
            assertThat(customer.getByTestId("widget-status")).not().hasText(Pattern.compile("печатает"));
            console.getByTestId("console-add-note").click();
            assertThat(console.getByTestId("console-send")).hasText("Отправить");

            // a standard question is answered with the help center's article (edoc's regulation, §14)
            console.getByTestId("console-article-query").fill("когда работает поддержка");
            console.getByTestId("console-article-search").click();
            Locator hours = console.getByTestId("console-article")
                    .filter(new Locator.FilterOptions().setHasText("Когда работает поддержка E-DOC")).first();
            assertThat(hours).isVisible();
            hours.getByTestId("console-send-article").click();
            assertThat(operator.last()).containsText("Когда работает поддержка E-DOC и как с ней связаться");
            assertThat(operator.last().getByRole(AriaRole.LINK)).hasAttribute("href", Pattern.compile("^https://edoc\\.kz/help"));
            assertThat(console.getByTestId("console-message").last().getByRole(AriaRole.LINK)).isVisible();
            customer.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-operator.png")));
            console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console.png")));

            console.getByTestId("console-return-to-bot").click();
            assertThat(system.last()).containsText("бот");
            int botBefore = bot.count();
            ask(customer, "Какие часы работы службы поддержки?");
            assertThat(bot.nth(botBefore)).isVisible();
            assertThat(messages.last()).hasAttribute("data-author", Pattern.compile("bot"));
            customer.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-back-to-bot.png")));
        }
    }

    @Test
    void onAPhoneTheWidgetFillsTheScreenAndSurvivesAReload() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setIsMobile(true))) {
            Page page = phone.newPage();
            page.navigate(url("/demo/edoc"));
            page.getByTestId("widget-open").click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.DIALOG)).isVisible();
            ask(page, "Здравствуйте");
            assertThat(page.locator("[data-testid=widget-message][data-author=bot]").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("widget-phone.png")));
            int shown = page.getByTestId("widget-message").count();

            page.reload();
            page.getByTestId("widget-open").click();
            assertThat(page.getByTestId("widget-message")).hasCount(shown);
        }
    }

    @Test
    void markupACustomerTypesIsShownAsTextToTheCustomerAndTheOperator() {
        String hostile = "<img src=x onerror=\"window.__xss=1\"><b>жирный</b> позовите оператора";
        try (BrowserContext customerContext = browser.newContext();
             BrowserContext operatorContext = browser.newContext()) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/demo/edoc"));
            customer.getByTestId("widget-open").click();
            ask(customer, hostile);
            Locator own = customer.locator("[data-testid=widget-message][data-author=customer]").first();
            assertThat(own).hasText(hostile);
            assertThat(own.locator("img, b")).hasCount(0);
            assertThat(customer.locator("[data-testid=widget-message][data-author=bot]").first()).isVisible();

            Page console = logInToTheConsole(operatorContext);
            console.getByTestId("console-conversation").filter(new Locator.FilterOptions().setHasText("E-DOC")).first().click();
            Locator shown = console.getByTestId("console-message").filter(new Locator.FilterOptions().setHasText("жирный")).first();
            assertThat(shown).containsText("<img src=x");
            assertThat(console.locator("[data-testid=console-message] img, [data-testid=console-message] b")).hasCount(0);

            org.assertj.core.api.Assertions.assertThat(customer.evaluate("() => window.__xss === undefined")).isEqualTo(true);
            org.assertj.core.api.Assertions.assertThat(console.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        }
    }

    @Test
    void eorderOperatorClosingFirstAsksWhetherQuestionsRemain() {
        try (BrowserContext customerContext = browser.newContext();
             BrowserContext operatorContext = browser.newContext()) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/demo/eorder"));
            customer.getByTestId("widget-open").click();
            ask(customer, "позовите живого человека, пожалуйста");
            assertThat(customer.locator("[data-testid=widget-message][data-author=bot]").first()).isVisible();

            Page console = logInToTheConsole(operatorContext);
            console.getByTestId("console-desk-filter").selectOption("eorder");
            assertThat(console.getByTestId("console-conversation").filter(new Locator.FilterOptions().setHasText("E-DOC")))
                    .hasCount(0);
            console.getByTestId("console-conversation").first().click();
            console.getByTestId("console-take-over").click();
            assertThat(console.getByTestId("console-close")).isEnabled();
            console.getByTestId("console-close").click();

            assertThat(customer.getByTestId("widget-message").last()).containsText("Остались ли у вас вопросы?");

            // nothing remains: the chat closes and the customer rates the service
            customer.getByTestId("widget-action").filter(new Locator.FilterOptions().setHasText("Нет, всё решено")).click();
            assertThat(customer.getByTestId("widget-message").last()).containsText("Оцените, пожалуйста, как мы вам помогли.");
            // a reload keeps the closed chat, and its rating buttons, in reach
            customer.reload();
            customer.getByTestId("widget-open").click();
            assertThat(customer.getByTestId("widget-message").last()).containsText("Оцените, пожалуйста, как мы вам помогли.");
            assertThat(customer.getByTestId("widget-message").first()).containsText("позовите живого человека");
            customer.getByTestId("widget-action").filter(new Locator.FilterOptions().setHasText("Хорошо")).last().click();
            assertThat(customer.locator("[data-testid=widget-message][data-author=bot]").last())
                    .containsText("Спасибо за оценку! Рады, что смогли помочь.");

            // the demo operator is a supervisor: the console's report counts the rating
            console.getByTestId("console-ratings").locator("summary").click();
            assertThat(console.locator("[data-testid=console-rating-desk][data-desk=eorder]"))
                    .containsText(Pattern.compile("«хорошо» [1-9].*% довольны"));

            // the customer comes back with another question: beside the new chat the operator reads what they asked
            // before and how it ended, and opens it
            ask(customer, "как загрузить прайс-лист в систему");
            assertThat(console.getByTestId("console-conversation")).hasCount(1);
            console.getByTestId("console-conversation").first().click();
            Locator earlier = console.getByTestId("console-earlier-conversation");
            assertThat(earlier).hasCount(1);
            assertThat(earlier).containsText("закрыт");
            assertThat(earlier).containsText("оценка: хорошо");
            assertThat(console.getByTestId("console-earlier")).containsText("позовите живого человека, пожалуйста");
            console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-earlier.png")));
            earlier.click();
            assertThat(console.locator("#chat-meta")).containsText("закрыт");
            assertThat(console.getByTestId("console-message").first()).containsText("позовите живого человека");
            assertThat(console.getByTestId("console-earlier-conversation")).containsText("бот");
        }
    }

    @Test
    void theOperatorSeesTheRequestTheBotRegisteredWithItsDeadline() {
        try (BrowserContext customerContext = browser.newContext();
             BrowserContext operatorContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page customer = customerContext.newPage();
            customer.navigate(url("/demo/edoc"));
            customer.getByTestId("widget-open").click();
            Locator bot = customer.locator("[data-testid=widget-message][data-author=bot]");
            ask(customer, "позовите оператора");
            assertThat(bot.last()).containsText("ИИН");
            ask(customer, "900515300127");
            assertThat(bot.last()).containsText("Фамилия, имя, отчество");
            ask(customer, "Сейткали Айдос Маратович");
            Locator consultation = customer.getByTestId("widget-action").filter(new Locator.FilterOptions().setHasText("Консультация"));
            consultation.last().click();
            assertThat(bot.last()).containsText("Опишите");
            ask(customer, "Как настроить роуминг документов с другим оператором ЭДО");
            assertThat(bot.last()).containsText("EDOC-");

            Page console = logInToTheConsole(operatorContext);
            Locator row = console.getByTestId("console-conversation").filter(new Locator.FilterOptions().setHasText("EDOC-"));
            assertThat(row.first()).containsText("ответить до");
            row.first().click();
            Locator card = console.getByTestId("console-request");
            assertThat(card).containsText("Обращение № EDOC-");
            assertThat(card).containsText("в очереди");
            assertThat(console.locator("[data-testid=console-request-field][data-term='Передано оператору']"))
                    .containsText("клиент просит соединить с человеком");
            assertThat(console.locator("[data-testid=console-request-field][data-term='ИИН']")).hasText("900515300127");
            assertThat(console.locator("[data-testid=console-request-field][data-term='Категория']")).hasText("Консультация");
            assertThat(console.locator("[data-testid=console-request-field][data-term='Описание']"))
                    .hasText("Как настроить роуминг документов с другим оператором ЭДО");
            assertThat(console.locator("[data-testid=console-request-field][data-term='Первый ответ']")).containsText("до ");
            console.getByTestId("console-decisions").locator("summary").click();
            assertThat(console.locator("[data-testid=console-decision][data-rule=ticket-registered]")).isVisible();
            // the operator reads which field the bot asked for
            assertThat(console.locator("[data-testid=console-decision][data-rule=asked-identification] [data-testid=console-decision-reason]").first())
                    .containsText("ИИН");
            console.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-request.png")));

            console.getByTestId("console-take-over").click();
            assertThat(card).containsText("в работе");
            // handed to a colleague and taken again: the request goes back to the queue meanwhile
            console.getByTestId("console-return-to-queue").click();
            assertThat(card).containsText("в очереди");
            assertThat(customer.locator("[data-testid=widget-message][data-author=system]").last())
                    .containsText("первый освободившийся специалист");
            console.getByTestId("console-take-over").click();
            assertThat(card).containsText("в работе");
            console.getByTestId("console-input").fill("Здравствуйте! Роуминг настраивается в профиле организации.");
            console.getByTestId("console-send").click();
            assertThat(console.locator("[data-testid=console-request-field][data-term='Первый ответ']")).containsText("дан ");
            console.getByTestId("console-close").click();
            assertThat(card).containsText("закрыто");

            // days later the customer quotes the number: the closed request is no longer listed but is found by it
            String number = card.locator("h3").textContent().replaceAll(".*№ (\\S+).*", "$1");
            console.reload();
            assertThat(console.getByTestId("console-conversation").filter(new Locator.FilterOptions().setHasText(number))).hasCount(0);
            console.getByTestId("console-ticket-number").fill(number.toLowerCase(java.util.Locale.ROOT));
            console.getByTestId("console-find-ticket").click();
            assertThat(card).containsText("Обращение № " + number);
            assertThat(console.getByTestId("console-message")
                    .filter(new Locator.FilterOptions().setHasText("Роуминг настраивается в профиле организации"))).hasCount(1);
        }
    }

    @Test
    void unknownDeskHasNoDemoPage() {
        try (BrowserContext context = browser.newContext()) {
            assertThat(context.request().get(url("/demo/nosuchdesk"))).not().isOK();
            Page index = context.newPage();
            index.navigate(url("/"));
            assertThat(index.locator("a[href='/demo/edoc']")).isVisible();
            assertThat(index.locator("a[href='/console']")).isVisible();
        }
    }

    @Test
    void anOperatorIsToldInTheConsoleThatAColleagueHandedThemAChat() {
        try (BrowserContext operatorContext = browser.newContext()) {
            Page console = logInToTheConsole(operatorContext);
            // the news comes as a live event: the console's socket is open first
            assertThat(console.locator("html[data-live=connected]")).hasCount(1);
            CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "handed-" + UUID.randomUUID());
            ConversationId id = engine.receive(Inbound.text(DeskId.of("edoc"), customer, "handed-1",
                    "Не приходит документ от контрагента", Instant.now())).conversation().id();
            Operator colleague = new Operator("aigerim", "Айгерим");
            engine.takeOver(id, colleague);

            engine.transfer(id, colleague, new Operator("operator", "Алия Демо"));

            Locator handed = console.getByTestId("console-handed-to-me");
            assertThat(handed).containsText("Коллега передал вам чат");
            console.getByTestId("console-handed-open").click();
            assertThat(handed).isHidden();
            assertThat(console.getByTestId("console-message").last()).containsText("передан оператору Алия Демо");
            assertThat(console.getByTestId("console-send")).isEnabled();
        }
    }

    @Test
    void oneButtonTakesTheRequestWhoseTurnItIs() {
        Conversation queued = QueuedRequests.onInitiativa(engine, CustomerAddress.of(ChannelKind.WIDGET, "next-" + UUID.randomUUID()));
        try (BrowserContext operatorContext = browser.newContext()) {
            Page console = logInToTheConsole(operatorContext);
            console.getByTestId("console-desk-filter").selectOption("initiativa");

            console.getByTestId("console-take-next").click();

            assertThat(console.getByTestId("console-request")).containsText("Обращение № " + queued.ticket().number());
            assertThat(console.getByTestId("console-request")).containsText("в работе");
            assertThat(console.getByTestId("console-send")).isEnabled();
            console.getByTestId("console-take-next").click();
            assertThat(console.getByTestId("console-error")).hasText("В очереди никого нет");
        }
    }

    private Page logInToTheConsole(BrowserContext operatorContext) {
        Page console = operatorContext.newPage();
        console.navigate(url("/console"));
        console.getByTestId("console-username").fill("operator");
        console.getByTestId("console-password").fill("operator");
        console.getByTestId("console-login").click();
        return console;
    }

    private static void ask(Page page, String text) {
        page.getByTestId("widget-input").fill(text);
        page.getByTestId("widget-send").click();
    }
}
