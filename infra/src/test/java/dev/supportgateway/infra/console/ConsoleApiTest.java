package dev.supportgateway.infra.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.infra.DemoDesksGateway;
import dev.supportgateway.infra.GatewayApplication;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console API over HTTP: login with CSRF, what needs a session, one conversation for one operator, and what an
 * operator is shown of a registered request.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        DemoDesksGateway.register(registry, () -> data);
        registry.add("gateway.operators[0].username", () -> "aigerim");
        registry.add("gateway.operators[0].display-name", () -> "Айгерим");
        registry.add("gateway.operators[0].password-hash", () -> new BCryptPasswordEncoder().encode("s3cret-aigerim"));
        registry.add("gateway.operators[0].desks", () -> "edoc");
        registry.add("gateway.operators[1].username", () -> "ivan");
        registry.add("gateway.operators[1].password-hash", () -> new BCryptPasswordEncoder().encode("s3cret-ivan"));
        registry.add("gateway.operators[1].desks", () -> "atlas");
        registry.add("gateway.widget.max-attachment-size", () -> "1MB");
    }

    @LocalServerPort
    int port;
    @Autowired
    ConversationEngine engine;
    @Autowired
    Attachments attachments;

    /** An eorder customer asks for a person and answers what the desk asks, in order, until the request is registered. */
    private ConversationId eorderCustomerAnswers(CustomerAddress customer, String... answers) {
        ConversationId id = engine.receive(Inbound.text(DeskId.of("eorder"), customer, customer.address() + "-0",
                "позовите оператора", Instant.now())).conversation().id();
        for (int i = 0; i < answers.length; i++) {
            engine.receive(Inbound.text(DeskId.of("eorder"), customer, customer.address() + "-" + (i + 1), answers[i], Instant.now()));
        }
        return id;
    }

    /** A new edoc customer writes {@code text}, and the demo operator takes the chat over. */
    private ConversationId edocChatTheDemoOperatorHolds(String text) {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "held-" + UUID.randomUUID());
        ConversationId id = engine.receive(Inbound.text(DeskId.of("edoc"), customer, "held-1", text, Instant.now())).conversation().id();
        engine.takeOver(id, new Operator("operator", "Алия Демо"));
        return id;
    }

    /** A browser with the operator logged in (the login itself is checked). */
    private Browser loggedIn(String username, String password) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login(username, password).statusCode()).isEqualTo(200);
        return browser;
    }

    /** One browser: a cookie jar, the CSRF token of the moment. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> send(String method, String path, String body, String contentType, boolean withCsrf) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (withCsrf && csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        void refreshCsrf() throws Exception {
            csrf = JSON.readTree(send("GET", "/api/v1/console/csrf", null, null, false).body()).path("token").asString();
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            refreshCsrf();
            HttpResponse<String> response = send("POST", "/api/v1/console/login", "username=" + username + "&password=" + password,
                    "application/x-www-form-urlencoded", true);
            refreshCsrf();
            return response;
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send("POST", path, json, json == null ? null : "application/json", true);
        }

        /** What the console's file button sends: a multipart form with the file and the text typed so far. */
        HttpResponse<String> sendFile(ConversationId id, String name, byte[] content, String text) throws Exception {
            String boundary = "sg" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + text + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/console/conversations/" + id + "/files"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            if (csrf != null) {
                request.header("X-CSRF-TOKEN", csrf);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private long keptFiles() throws Exception {
        Path folder = data.resolve("attachments");
        try (var files = Files.exists(folder) ? Files.walk(folder) : java.util.stream.Stream.<Path>empty()) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theConsoleApiNeedsALoggedInOperator() throws Exception {
        Browser anonymous = new Browser();
        assertThat(anonymous.send("GET", "/api/v1/console/conversations", null, null, false).statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", "/api/v1/console/me", null, null, false).statusCode()).isEqualTo(401);
        assertThat(anonymous.send("GET", "/actuator/health", null, null, false).statusCode()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/console", null, null, false).statusCode()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/widget.js", null, null, false).body()).contains("widget-open");
        assertThatThrownBy(() -> anonymous.http.newWebSocketBuilder()
                .header("Origin", "http://localhost:" + port)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/console"), new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
    }

    @Test
    void loginChecksThePasswordAndTheCsrfToken() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> noToken = browser.send("POST", "/api/v1/console/login", "username=operator&password=operator",
                "application/x-www-form-urlencoded", false);
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = browser.login("operator", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Неверный логин или пароль");
        assertThat(browser.login("operator", "operator").statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(browser.send("GET", "/api/v1/console/me", null, null, false).body());
        assertThat(me.path("displayName").asString()).isEqualTo("Алия Демо");
        assertThat(browser.send("POST", "/api/v1/console/logout", null, null, false).statusCode())
                .as("a change without the CSRF token is refused").isEqualTo(403);
    }

    @Test
    void twoOperatorsCannotHoldOneConversationAndOthersDesksStayHidden() throws Exception {
        ConversationId id = edocChatTheDemoOperatorHolds("Здравствуйте");

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.send("GET", "/api/v1/console/conversations", null, null, false).body()).contains(id.value());
        HttpResponse<String> takeOver = aigerim.post("/api/v1/console/conversations/" + id + "/take-over", null);
        assertThat(takeOver.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(takeOver.body()).path("error").asString()).isEqualTo("Этот чат уже ведёт оператор Алия Демо");
        HttpResponse<String> reply = aigerim.post("/api/v1/console/conversations/" + id + "/reply", "{\"text\":\"Добрый день\"}");
        assertThat(reply.statusCode()).isEqualTo(409);

        Browser ivan = loggedIn("ivan", "s3cret-ivan");
        assertThat(ivan.send("GET", "/api/v1/console/conversations", null, null, false).body()).doesNotContain(id.value());
        assertThat(ivan.send("GET", "/api/v1/console/conversations/" + id, null, null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void aBusyDeskListsWaitingConversationsFirstWithinTheLimit() throws Exception {
        for (int i = 0; i < 5; i++) {
            engine.receive(Inbound.text(DeskId.of("edoc"), CustomerAddress.of(ChannelKind.WIDGET, "busy-" + UUID.randomUUID()),
                    "b-" + i, "Здравствуйте", Instant.now()));
        }
        CustomerAddress waiting = CustomerAddress.of(ChannelKind.WIDGET, "w-" + UUID.randomUUID());
        ConversationId queued = engine.receive(Inbound.text(DeskId.of("edoc"), waiting, "w-1", "позовите оператора", Instant.now()))
                .conversation().id();

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        var rows = JSON.readTree(aigerim.send("GET", "/api/v1/console/conversations?limit=3", null, null, false).body());

        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.toString()).as("a conversation being escalated is not cut off by bot chats").contains(queued.value());
    }

    @Test
    void anOperatorPutsARequestOnHoldUntilTheCustomerAnswers() throws Exception {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "hold-" + UUID.randomUUID());
        ConversationId id = engine.receive(Inbound.text(DeskId.of("edoc"), customer, "h-1", "Здравствуйте", Instant.now()))
                .conversation().id();
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/take-over", null).statusCode()).isEqualTo(200);

        HttpResponse<String> asked = aigerim.post("/api/v1/console/conversations/" + id + "/await-customer",
                "{\"text\":\"Пришлите, пожалуйста, скриншот ошибки\"}");

        assertThat(asked.statusCode()).isEqualTo(200);
        var transcript = JSON.readTree(asked.body());
        assertThat(transcript.path("conversation").path("awaitingCustomerSince").isNull()).isFalse();
        assertThat(transcript.path("messages").toString()).contains("Пришлите, пожалуйста, скриншот ошибки", "8 рабочих");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/await-customer", "{\"text\":\" \"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void anOperatorAnswersAStandardQuestionWithAnArticleOfTheDesksHelpCenter() throws Exception {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "kb-" + UUID.randomUUID());
        DeskId edoc = DeskId.of("edoc");
        ConversationId id = engine.receive(Inbound.text(edoc, customer, "kb-1", "Здравствуйте", Instant.now())).conversation().id();
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/take-over", null).statusCode()).isEqualTo(200);
        engine.receive(Inbound.text(edoc, customer, "kb-2", "нашёл ошибку на портале, как о ней сообщить?", Instant.now()));
        String articles = "/api/v1/console/conversations/" + id + "/articles";

        JsonNode forLastQuestion = JSON.readTree(aigerim.send("GET", articles, null, null, false).body());
        JsonNode searched = JSON.readTree(aigerim.send("GET", articles + "?q=" + URLEncoder.encode("когда работает поддержка", StandardCharsets.UTF_8), null, null, false).body());

        assertThat(forLastQuestion.get(0).path("id").asString()).isEqualTo("edoc-error-registration");
        assertThat(forLastQuestion.get(0).path("title").asString()).isEqualTo("Как сообщить об ошибке портала и что с ней будет дальше");
        assertThat(forLastQuestion.get(0).path("section").asString()).isEqualTo("Ошибки и недоработки");
        assertThat(forLastQuestion.get(0).path("summary").asString()).isNotBlank();
        assertThat(searched.get(0).path("id").asString()).isEqualTo("edoc-hours-contacts");

        HttpResponse<String> shared = aigerim.post(articles + "/edoc-error-registration", null);

        assertThat(shared.statusCode()).isEqualTo(200);
        JsonNode messages = JSON.readTree(shared.body()).path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("author").asString()).isEqualTo("operator");
        assertThat(last.path("authorName").asString()).isEqualTo("Айгерим");
        assertThat(last.path("text").asString()).startsWith("Как сообщить об ошибке портала и что с ней будет дальше");
        assertThat(last.path("link").asString()).startsWith("https://edoc.kz/help");
        HttpResponse<String> unknown = aigerim.post(articles + "/no-such-article", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asString()).isEqualTo("Такой статьи в справочном центре службы нет");
        assertThat(aigerim.send("GET", articles + "?q=" + "о".repeat(501), null, null, false).statusCode()).isEqualTo(400);

        Browser ivan = new Browser();
        assertThat(ivan.login("ivan", "s3cret-ivan").statusCode()).as("ivan serves atlas only").isEqualTo(200);
        assertThat(ivan.send("GET", articles, null, null, false).statusCode()).isEqualTo(404);
        assertThat(ivan.post(articles + "/edoc-error-registration", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorPicksFromTheReadyRepliesOfTheirOwnDesksOnly() throws Exception {
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");

        JsonNode edoc = JSON.readTree(aigerim.send("GET", "/api/v1/console/desks/edoc/ready-replies", null, null, false).body());

        assertThat(edoc.size()).isEqualTo(3);
        assertThat(edoc.get(0).path("id").asString()).isEqualTo("greeting");
        assertThat(edoc.get(0).path("title").asString()).isEqualTo("Приветствие");
        assertThat(edoc.get(0).path("text").asString()).contains("{operator}");
        assertThat(aigerim.send("GET", "/api/v1/console/desks/atlas/ready-replies", null, null, false).statusCode())
                .as("aigerim serves edoc only").isEqualTo(404);
        assertThat(aigerim.send("GET", "/api/v1/console/desks/nowhere/ready-replies", null, null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestGoesBackToTheQueueAndOnceClosedIsFoundByTheNumberTheCustomerQuotes() throws Exception {
        DeskId eorder = DeskId.of("eorder");
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "num-" + UUID.randomUUID());
        ConversationId id = eorderCustomerAnswers(customer, "petrova@example.ru", "Петрова Анна Сергеевна", "7707083893",
                "ООО Василёк", "31.12.2030", "Техническая ошибка", "Не печатается счёт-фактура");
        String number = engine.conversation(id).orElseThrow().ticket().number();
        Operator demo = new Operator("operator", "Алия Демо");
        Browser operator = loggedIn("operator", "operator");
        assertThat(operator.post("/api/v1/console/conversations/" + id + "/take-over", null).statusCode()).isEqualTo(200);
        HttpResponse<String> requeued = operator.post("/api/v1/console/conversations/" + id + "/return-to-queue", null);
        assertThat(requeued.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(requeued.body()).path("conversation").path("state").asString()).isEqualTo("waiting-for-operator");
        assertThat(JSON.readTree(requeued.body()).path("request").path("stateLabel").asString()).isEqualTo("в очереди");
        engine.takeOver(id, demo);
        engine.close(id, demo);
        engine.receive(Inbound.action(eorder, customer, "num-close", Action.NOTHING_REMAINS, Instant.now()));
        assertThat(engine.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
        engine.receive(Inbound.action(eorder, customer, "num-rate", Action.RATED_BAD, Instant.now()));

        HttpResponse<String> found = operator.send("GET", "/api/v1/console/tickets/"
                + URLEncoder.encode("№ " + number.toLowerCase(java.util.Locale.ROOT), StandardCharsets.UTF_8).replace("+", "%20"),
                null, null, false);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode transcript = JSON.readTree(found.body());
        assertThat(transcript.path("conversation").path("id").asString()).isEqualTo(id.value());
        assertThat(transcript.path("conversation").path("state").asString()).isEqualTo("closed");
        assertThat(transcript.path("request").path("number").asString()).isEqualTo(number);
        assertThat(transcript.path("rating").asString()).as("the customer's rating of the service").isEqualTo("плохо");
        assertThat(operator.send("GET", "/api/v1/console/tickets/EORDER-2026-999999", null, null, false).statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = operator.send("GET", "/api/v1/console/tickets/12345", null, null, false);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("error").asString()).contains("EDOC-2026-000123");

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.send("GET", "/api/v1/console/tickets/" + number, null, null, false).statusCode())
                .as("aigerim serves edoc only").isEqualTo(404);
    }

    @Test
    void anyOperatorOfTheDeskLeavesAnInternalNoteTheCustomerNeverGets() throws Exception {
        ConversationId id = edocChatTheDemoOperatorHolds("Здравствуйте");
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");

        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/typing", null).statusCode())
                .as("only the operator holding the chat is typing to the customer").isEqualTo(409);
        HttpResponse<String> noted = aigerim.post("/api/v1/console/conversations/" + id + "/notes",
                "{\"text\":\"Клиент звонил, перезвонить после 14:00\"}");

        assertThat(noted.statusCode()).as("a colleague's note needs no take-over").isEqualTo(200);
        JsonNode messages = JSON.readTree(noted.body()).path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.path("author").asString()).isEqualTo("note");
        assertThat(last.path("authorName").asString()).isEqualTo("Айгерим");
        assertThat(JSON.readTree(noted.body()).path("conversation").path("operatorName").asString()).isEqualTo("Алия Демо");
        assertThat(engine.conversation(id).orElseThrow().transcript().getLast().forCustomer()).isFalse();
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/notes", "{\"text\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/notes", "{\"text\":\"" + "я".repeat(4001) + "\"}")
                .statusCode()).isEqualTo(400);
        Browser ivan = loggedIn("ivan", "s3cret-ivan");
        assertThat(ivan.post("/api/v1/console/conversations/" + id + "/notes", "{\"text\":\"чужая служба\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theOperatorHoldingTheChatSendsTheCustomerAFormAndARefusedFileIsNotKept() throws Exception {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "form-" + UUID.randomUUID());
        ConversationId id = engine.receive(Inbound.text(DeskId.of("edoc"), customer, "form-1", "позовите оператора",
                Instant.now())).conversation().id();
        byte[] form = "%PDF-1.4 заявление".getBytes(StandardCharsets.UTF_8);
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        long kept = keptFiles();

        HttpResponse<String> notTaken = aigerim.sendFile(id, "Заявление.pdf", form, "Заполните");
        assertThat(notTaken.statusCode()).isEqualTo(409);
        assertThat(keptFiles()).as("a refused file is not kept").isEqualTo(kept);
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/take-over", null).statusCode()).isEqualTo(200);

        HttpResponse<String> sent = aigerim.sendFile(id, "Заявление.pdf", form, "Заполните и пришлите обратно");

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode last = JSON.readTree(sent.body()).path("messages").get(JSON.readTree(sent.body()).path("messages").size() - 1);
        assertThat(last.path("author").asString()).isEqualTo("operator");
        assertThat(last.path("text").asString()).isEqualTo("Заполните и пришлите обратно");
        JsonNode file = last.path("files").get(0);
        assertThat(file.path("name").asString()).isEqualTo("Заявление.pdf");
        HttpResponse<byte[]> opened = aigerim.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + file.path("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(opened.body()).isEqualTo(form);
        assertThat(keptFiles()).isEqualTo(kept + 1);

        String token = aigerim.csrf;
        aigerim.csrf = null;
        assertThat(aigerim.sendFile(id, "Заявление.pdf", form, "").statusCode()).as("CSRF is checked on files too").isEqualTo(403);
        aigerim.csrf = token;
        HttpResponse<String> huge = aigerim.sendFile(id, "архив.pdf", new byte[1536 * 1024], "");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(aigerim.send("GET", "/api/v1/console/me", null, null, false).body()).path("maxFileBytes").asLong())
                .as("the console refuses a larger file before uploading").isEqualTo(1024 * 1024);
        assertThat(JSON.readTree(huge.body()).path("error").asString()).as(huge.body()).contains("до 1 МБ");
        assertThat(keptFiles()).isEqualTo(kept + 1);
    }

    @Test
    void anOperatorHandsTheChatToAColleagueOfItsDeskAndNoOneElse() throws Exception {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "handover-" + UUID.randomUUID());
        ConversationId id = engine.receive(Inbound.text(DeskId.of("edoc"), customer, "handover-1", "позовите оператора",
                Instant.now())).conversation().id();
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/take-over", null).statusCode()).isEqualTo(200);

        Browser demo = loggedIn("operator", "operator");
        java.util.concurrent.CompletableFuture<String> pong = new java.util.concurrent.CompletableFuture<>();
        WebSocket live = demo.http.newWebSocketBuilder().header("Origin", "http://localhost:" + port)
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/console"), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        pong.complete(data.toString());
                        return null;
                    }
                }).join();
        JsonNode colleagues;
        try {
            // the console answers a ping once it counts the socket as the operator's
            live.sendText("{\"type\":\"ping\"}", true).join();
            assertThat(pong.get(5, java.util.concurrent.TimeUnit.SECONDS)).contains("pong");
            colleagues = JSON.readTree(aigerim.send("GET", "/api/v1/console/desks/edoc/operators", null, null, false).body());
        } finally {
            live.abort();
        }
        assertThat(colleagues.findValuesAsString("username")).contains("aigerim", "operator").doesNotContain("ivan");
        assertThat(colleagues.get(0).path("username").asString()).as("those with the console open first").isEqualTo("operator");
        assertThat(colleagues.get(0).path("online").asBoolean()).isTrue();
        assertThat(colleagues.valueStream().filter(c -> c.path("username").asString().equals("aigerim")).findFirst().orElseThrow()
                .path("online").asBoolean()).as("aigerim works over HTTP only here").isFalse();
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/transfer", "{\"operator\":\"ivan\"}").statusCode())
                .as("ivan serves atlas only").isEqualTo(404);
        Browser ivan = loggedIn("ivan", "s3cret-ivan");
        assertThat(ivan.send("GET", "/api/v1/console/desks/edoc/operators", null, null, false).statusCode()).isEqualTo(404);

        HttpResponse<String> handed = aigerim.post("/api/v1/console/conversations/" + id + "/transfer", "{\"operator\":\"operator\"}");

        assertThat(handed.statusCode()).isEqualTo(200);
        JsonNode transcript = JSON.readTree(handed.body());
        assertThat(transcript.path("conversation").path("operatorId").asString()).isEqualTo("operator");
        JsonNode messages = transcript.path("messages");
        assertThat(messages.get(messages.size() - 1).path("text").asString()).contains("передан оператору Алия Демо");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/reply", "{\"text\":\"ещё я\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    void anOperatorSeesWhatTheCustomerAskedBeforeAndHowItEnded() throws Exception {
        DeskId edoc = DeskId.of("edoc");
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "returning-" + UUID.randomUUID());
        Operator demo = new Operator("operator", "Алия Демо");
        ConversationId first = engine.receive(Inbound.text(edoc, customer, "returning-1",
                "Позовите оператора,   документ от контрагента\nне приходит", Instant.now())).conversation().id();
        engine.takeOver(first, demo);
        engine.reply(first, demo, "Проверила: контрагент отправил документ на другой БИН.");
        engine.close(first, demo);
        engine.receive(Inbound.action(edoc, customer, "returning-2", Action.RATED_GOOD, Instant.now()));
        ConversationId second = engine.receive(Inbound.text(edoc, customer, "returning-3", "как отозвать подпись",
                Instant.now())).conversation().id();
        assertThat(second).as("a new question opens a new chat").isNotEqualTo(first);
        engine.receive(Inbound.text(edoc, CustomerAddress.of(ChannelKind.WIDGET, "other-" + UUID.randomUUID()), "other-1",
                "как отозвать подпись", Instant.now()));
        Browser operator = loggedIn("operator", "operator");

        JsonNode earlier = JSON.readTree(operator.send("GET", "/api/v1/console/conversations/" + second + "/earlier", null, null,
                false).body());

        assertThat(earlier).as("the chat itself and other customers' chats are not listed").hasSize(1);
        assertThat(earlier.get(0).path("id").asString()).isEqualTo(first.value());
        assertThat(earlier.get(0).path("state").asString()).isEqualTo("closed");
        assertThat(earlier.get(0).path("stateLabel").asString()).isEqualTo("закрыт");
        assertThat(earlier.get(0).path("topic").asString()).isEqualTo("Позовите оператора, документ от контрагента не приходит");
        assertThat(earlier.get(0).path("rating").asString()).isEqualTo("хорошо");
        JsonNode back = JSON.readTree(operator.send("GET", "/api/v1/console/conversations/" + first + "/earlier", null, null,
                false).body());
        assertThat(back.findValuesAsString("id")).as("from the closed chat, the open one").containsExactly(second.value());

        Browser ivan = loggedIn("ivan", "s3cret-ivan");
        assertThat(ivan.send("GET", "/api/v1/console/conversations/" + second + "/earlier", null, null, false).statusCode())
                .as("another desk's operator").isEqualTo(404);
    }

    @Test
    void aSupervisorSeesHowCustomersRatedTheServiceAndWhichChatsWereRatedBadly() throws Exception {
        DeskId edoc = DeskId.of("edoc");
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "rated-" + UUID.randomUUID());
        ConversationId id = engine.receive(Inbound.text(edoc, customer, "rated-1", "позовите оператора", Instant.now()))
                .conversation().id();
        Operator demo = new Operator("operator", "Алия Демо");
        engine.takeOver(id, demo);
        engine.reply(id, demo, "Здравствуйте! Проверила: подпись отозвана, выпустите новую в НУЦ.");
        engine.close(id, demo);
        assertThat(engine.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
        engine.receive(Inbound.action(edoc, customer, "rated-2", Action.RATED_BAD, Instant.now()));
        Browser supervisor = loggedIn("operator", "operator");

        JsonNode report = JSON.readTree(supervisor.send("GET", "/api/v1/console/ratings?desk=edoc&days=7", null, null, false).body());

        assertThat(report.path("days").asInt()).isEqualTo(7);
        assertThat(report.path("dissatisfied").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode bad = report.path("latestDissatisfied").get(0);
        assertThat(bad.path("conversationId").asString()).isEqualTo(id.value());
        assertThat(bad.path("operatorName").asString()).as("who served the customer").isEqualTo("Алия Демо");
        assertThat(supervisor.send("GET", "/api/v1/console/conversations/" + id, null, null, false).statusCode())
                .as("the supervisor opens the chat from the report").isEqualTo(200);

        long satisfied = report.path("satisfied").asLong();
        engine.receive(Inbound.action(edoc, customer, "rated-3", Action.RATED_GOOD, Instant.now()));
        JsonNode again = JSON.readTree(supervisor.send("GET", "/api/v1/console/ratings?desk=edoc", null, null, false).body());
        assertThat(again.path("satisfied").asLong()).as("a new rating replaces the first").isEqualTo(satisfied + 1);
        assertThat(again.path("latestDissatisfied").findValuesAsString("conversationId")).doesNotContain(id.value());

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.send("GET", "/api/v1/console/ratings?desk=edoc", null, null, false).statusCode())
                .as("supervisors only").isEqualTo(403);
        assertThat(supervisor.send("GET", "/api/v1/console/ratings?desk=nowhere", null, null, false).statusCode()).isEqualTo(404);
    }

    @Test
    void anOperatorNarrowsTheListToTheirOwnChatsOrToThoseWaiting() throws Exception {
        ConversationId held = edocChatTheDemoOperatorHolds("позовите оператора");
        ConversationId waiting = eorderCustomerAnswers(CustomerAddress.of(ChannelKind.WIDGET, "queue-" + UUID.randomUUID()),
                "ivanov@example.ru", "Иванов Иван Иванович", "7707083893", "ООО Ромашка", "31.12.2030", "Техническая ошибка",
                "Не открывается каталог");
        Browser demo = loggedIn("operator", "operator");

        JsonNode own = JSON.readTree(demo.send("GET", "/api/v1/console/conversations?view=mine", null, null, false).body());
        JsonNode queue = JSON.readTree(demo.send("GET", "/api/v1/console/conversations?view=waiting", null, null, false).body());

        assertThat(own.findValuesAsString("id")).contains(held.value()).doesNotContain(waiting.value());
        assertThat(own.findValuesAsString("operatorId")).containsOnly("operator");
        assertThat(queue.findValuesAsString("id")).contains(waiting.value()).doesNotContain(held.value());
        assertThat(queue.findValuesAsString("state")).containsOnly("waiting-for-operator");
        assertThat(demo.send("GET", "/api/v1/console/conversations?view=everything", null, null, false).statusCode()).isEqualTo(400);
    }

    @Test
    void theNextRequestIsTakenInTheQueuesOrderAndAnEmptyQueueSaysSo() throws Exception {
        ConversationId first = eorderCustomerAnswers(CustomerAddress.of(ChannelKind.WIDGET, "next-" + UUID.randomUUID()),
                "first@example.ru", "Первов Пётр Петрович", "7707083893", "ООО Первый", "31.12.2030", "Техническая ошибка",
                "Не выгружается прайс-лист");
        ConversationId second = eorderCustomerAnswers(CustomerAddress.of(ChannelKind.WIDGET, "next-" + UUID.randomUUID()),
                "second@example.ru", "Вторых Вера Викторовна", "7707083893", "ООО Второй", "31.12.2030", "Техническая ошибка",
                "Не приходит уведомление о заказе");
        // a request whose chat went back to the bot stays queued for the record, but nobody waits there
        ConversationId backToBot = eorderCustomerAnswers(CustomerAddress.of(ChannelKind.WIDGET, "next-" + UUID.randomUUID()),
                "bot@example.ru", "Ботов Борис Борисович", "7707083893", "ООО Третий", "31.12.2030", "Техническая ошибка",
                "Уже решили сами");
        Operator colleague = new Operator("aigerim", "Айгерим");
        engine.takeOver(backToBot, colleague);
        engine.returnToBot(backToBot, colleague);
        Browser demo = loggedIn("operator", "operator");

        List<String> taken = new java.util.ArrayList<>();
        HttpResponse<String> next = demo.post("/api/v1/console/queue/next?desk=eorder", null);
        for (int i = 0; i < 50 && next.statusCode() == 200; i++) {
            JsonNode transcript = JSON.readTree(next.body());
            assertThat(transcript.path("conversation").path("operatorId").asString()).isEqualTo("operator");
            taken.add(transcript.path("conversation").path("id").asString());
            next = demo.post("/api/v1/console/queue/next?desk=eorder", null);
        }

        assertThat(taken).as("first come, first served within a tier").containsSubsequence(first.value(), second.value());
        assertThat(taken).as("a chat the bot serves is not taken from the queue").doesNotContain(backToBot.value());
        assertThat(next.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(next.body()).path("error").asString()).isEqualTo("В очереди никого нет");
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.post("/api/v1/console/queue/next?desk=eorder", null).statusCode()).as("not her desk").isEqualTo(404);
    }

    @Test
    void anOperatorOfTheDeskOpensTheScreenshotTheCustomerSent() throws Exception {
        byte[] screenshot = Files.readAllBytes(Path.of("src/test/resources/files/error-screenshot.png"));
        Attachment kept = attachments.keep("Ошибка подписи.png", "image/png", new ByteArrayInputStream(screenshot));
        Attachment page = attachments.keep("page.html", "text/html", new ByteArrayInputStream(
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "file-" + UUID.randomUUID());
        ConversationId id = engine.receive(new Inbound(DeskId.of("edoc"), customer, null, "file-1", "Вот что выходит",
                null, List.of(kept, page), Instant.now())).conversation().id();
        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        JsonNode transcript = JSON.readTree(aigerim.send("GET", "/api/v1/console/conversations/" + id, null, null, false).body());
        JsonNode file = transcript.path("messages").get(0).path("files").get(0);
        assertThat(file.path("name").asString()).isEqualTo("Ошибка подписи.png");

        HttpResponse<byte[]> opened = aigerim.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + file.path("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).isEqualTo(screenshot);
        assertThat(opened.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(opened.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline").contains("UTF-8''");
        HttpResponse<String> html = aigerim.send("GET", transcript.path("messages").get(0).path("files").get(1).path("url").asString(),
                null, null, false);
        assertThat(html.headers().firstValue("Content-Type")).as("a customer's page never runs as ours").contains("application/octet-stream");
        assertThat(html.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        Attachment elsewhere = attachments.keep("other.png", "image/png", new ByteArrayInputStream(screenshot));
        assertThat(aigerim.send("GET", "/api/v1/console/conversations/" + id + "/attachments/" + elsewhere.storageRef(),
                null, null, false).statusCode()).as("only files of this conversation").isEqualTo(404);
        Browser ivan = loggedIn("ivan", "s3cret-ivan");
        assertThat(ivan.send("GET", file.path("url").asString(), null, null, false).statusCode()).isEqualTo(404);
        assertThat(new Browser().send("GET", file.path("url").asString(), null, null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyASupervisorResumesServiceStoppedForProfanity() throws Exception {
        CustomerAddress rude = CustomerAddress.of(ChannelKind.WIDGET, "rude-" + UUID.randomUUID());
        DeskId edoc = DeskId.of("edoc");
        engine.receive(Inbound.text(edoc, rude, "r-1", "вы там все дебилы", Instant.now()));
        ConversationId id = engine.receive(Inbound.text(edoc, rude, "r-2", "идиоты", Instant.now())).conversation().id();
        assertThat(engine.conversation(id).orElseThrow().state()).isEqualTo(ConversationState.SUSPENDED);

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(aigerim.post("/api/v1/console/conversations/" + id + "/resume", null).statusCode()).isEqualTo(403);

        Browser supervisor = loggedIn("operator", "operator");
        HttpResponse<String> resumed = supervisor.post("/api/v1/console/conversations/" + id + "/resume", null);
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body()).path("conversation").path("state").asString()).isEqualTo("bot");
    }

    @Test
    void anOperatorOfSeveralDesksNarrowsTheListToOneOfThem() throws Exception {
        ConversationId edocChat = engine.receive(Inbound.text(DeskId.of("edoc"),
                CustomerAddress.of(ChannelKind.WIDGET, "f-" + UUID.randomUUID()), "f-1", "Здравствуйте", Instant.now()))
                .conversation().id();
        ConversationId eorderChat = engine.receive(Inbound.text(DeskId.of("eorder"),
                CustomerAddress.of(ChannelKind.WIDGET, "f-" + UUID.randomUUID()), "f-2", "Здравствуйте", Instant.now()))
                .conversation().id();

        Browser operator = loggedIn("operator", "operator");
        JsonNode me = JSON.readTree(operator.send("GET", "/api/v1/console/me", null, null, false).body());
        String eorderOnly = operator.send("GET", "/api/v1/console/conversations?desk=eorder", null, null, false).body();
        String all = operator.send("GET", "/api/v1/console/conversations", null, null, false).body();

        assertThat(me.path("deskNames").path("eorder").asString()).isEqualTo("Техническая поддержка АСЗ «Электронный Ордер»");
        assertThat(eorderOnly).contains(eorderChat.value()).doesNotContain(edocChat.value());
        assertThat(all).contains(eorderChat.value(), edocChat.value());

        Browser aigerim = loggedIn("aigerim", "s3cret-aigerim");
        assertThat(JSON.readTree(aigerim.send("GET", "/api/v1/console/conversations?desk=eorder", null, null, false).body()).size())
                .as("a desk the operator does not serve lists nothing").isZero();
    }

    @Test
    void anOperatorSeesTheRegisteredRequestUnderTheDesksOwnLabels() throws Exception {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "card-" + UUID.randomUUID());
        ConversationId id = eorderCustomerAnswers(customer, "ivanova@example.ru", "Иванова Мария Петровна", "7707083893",
                "ООО Ромашка", "31.12.2030", "Техническая ошибка", "Прайс-лист поставщика не загружается, ошибка 500");

        Browser operator = loggedIn("operator", "operator");
        JsonNode transcript = JSON.readTree(operator.send("GET", "/api/v1/console/conversations/" + id, null, null, false).body());

        JsonNode request = transcript.path("request");
        assertThat(request.path("number").asString()).startsWith("EORDER-");
        assertThat(request.path("stateLabel").asString()).isEqualTo("в очереди");
        assertThat(request.path("category").asString()).isEqualTo("Техническая ошибка");
        assertThat(request.path("tier").asString()).isEqualTo("Базовый");
        assertThat(request.path("identification").toString())
                .contains("\"label\":\"ИНН организации\",\"value\":\"7707083893\"")
                .contains("\"label\":\"Наименование организации\",\"value\":\"ООО Ромашка\"");
        assertThat(request.path("description").asString()).contains("Прайс-лист поставщика не загружается");
        assertThat(request.path("firstReplyOverdue").asBoolean()).isFalse();
        assertThat(transcript.path("conversation").path("deskZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(transcript.path("decisions").toString()).contains("\"rule\":\"ticket-registered\"",
                "\"label\":\"обращение зарегистрировано\"", "\"label\":\"клиент позвал оператора\"");

        String rows = operator.send("GET", "/api/v1/console/conversations", null, null, false).body();
        assertThat(rows).contains(request.path("number").asString());
    }
}
