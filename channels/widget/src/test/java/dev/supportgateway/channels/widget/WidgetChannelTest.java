package dev.supportgateway.channels.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.ConversationsUnavailable;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.Typing;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.escalation.BusinessHours;
import dev.supportgateway.engine.dialogue.Turn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget channel over a real WebSocket server. The engine is a mock that answers every question with one
 * bot message through the channel's own {@link Deliveries} and keeps transcripts for the history, so these tests
 * exercise the channel alone; the full flow with the real engine runs in infra.
 */
@SpringBootTest(classes = WidgetChannelTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "gateway.widget.desks.edoc.allowed-origins[0]=https://edoc.kz",
                "gateway.widget.max-text-length=100",
                "gateway.widget.max-frame-bytes=1024",
                "gateway.widget.socket-buffer-chars=128",
                "gateway.widget.socket-io-buffer-bytes=512",
                "gateway.widget.rate-limit.burst=3",
                "gateway.widget.rate-limit.per-minute=1",
                "gateway.widget.max-attachment-size=1KB"})
class WidgetChannelTest {

    private static final DeskId EDOC = DeskId.of("edoc");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WidgetChannelConfiguration.class)
    static class App {
        @Bean
        Desks desks() {
            Desk edoc = mock(Desk.class);
            when(edoc.channel(ChannelKind.WIDGET)).thenReturn(Optional.of(
                    new ChannelPolicy(ChannelKind.WIDGET, true, true, List.of(), "https://edoc.kz", null)));
            return id -> id.equals(EDOC) ? Optional.of(edoc) : Optional.empty();
        }

        /** Operators off work, as at night. */
        @Bean
        BusinessHours businessHours() {
            BusinessHours hours = mock(BusinessHours.class);
            when(hours.isOpen(any(), any())).thenReturn(false);
            when(hours.describe(any())).thenReturn("Операторы работают пн–пт 9:00–18:00 (время Астаны)");
            return hours;
        }

        /** Files kept in memory: the store on disk is infra's, tested there. */
        @Bean
        KeptFiles attachments() {
            return new KeptFiles();
        }
    }

    static final class KeptFiles implements Attachments {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();

        @Override
        public Attachment keep(String name, String mediaType, InputStream content) throws IOException {
            byte[] bytes = content.readAllBytes();
            String ref = "f" + UUID.randomUUID();
            files.put(ref, bytes);
            return new Attachment(name, mediaType, bytes.length, ref);
        }

        @Override
        public Optional<InputStream> open(String storageRef) {
            return Optional.ofNullable(files.get(storageRef)).map(ByteArrayInputStream::new);
        }

        @Override
        public void discard(String storageRef) {
            files.remove(storageRef);
        }
    }

    @LocalServerPort
    int port;
    @MockitoBean
    ConversationEngine engine;
    @MockitoBean
    Conversations conversations;
    @Autowired
    @Qualifier(WidgetChannelConfiguration.DELIVERIES_BEAN)
    Deliveries deliveries;
    @Autowired
    WidgetSessions sessions;
    @Autowired
    KeptFiles files;

    private final Map<String, List<Message>> transcripts = new ConcurrentHashMap<>();
    /** What the mock engine answers every question with. */
    private String answerText = "Откройте раздел «Документы»";

    @BeforeEach
    void engineAnswersEveryQuestion() {
        files.files.clear();
        when(engine.receive(any())).thenAnswer(call -> {
            Inbound inbound = call.getArgument(0);
            List<Message> transcript = transcripts.computeIfAbsent(inbound.customer().address(), t -> new ArrayList<>());
            if (transcript.stream().anyMatch(m -> m.fromCustomer() && inbound.externalId().equals(m.externalId()))) {
                return new Turn(null, List.of(), List.of(), true);  // the engine's idempotency, as the real one does it
            }
            Message question = Message.from(inbound, MessageId.random());
            Outbound answer = new Outbound(MessageId.random(), ConversationId.of("c-" + inbound.customer().address()), inbound.desk(),
                    ChannelKind.WIDGET, inbound.customer(), Author.bot("Помощник"), answerText,
                    List.of(new Action(Action.HELPED, "Помогло"), new Action(Action.NOT_HELPED, "Не помогло")),
                    "https://edoc.kz/help/sign", List.of(), Instant.now(), question.id(), inbound.externalId());
            transcript.add(question);
            transcript.add(new Message(answer.id(), answer.author(), answer.text(), answer.actions(), answer.link(),
                    List.of(), null, null, question.id(), answer.createdAt()));
            deliveries.deliver(answer);
            return new Turn(null, List.of(question), List.of(answer), false);
        });
        when(conversations.findOpen(any(), any())).thenAnswer(call -> {
            CustomerAddress customer = call.getArgument(1);
            List<Message> transcript = transcripts.get(customer.address());
            if (transcript == null) {
                return Optional.empty();
            }
            Conversation conversation = Conversation.open(ConversationId.of("c"), EDOC, customer, null, null, Instant.now());
            for (Message m : transcript) {
                conversation = conversation.append(m);
            }
            return Optional.of(conversation);
        });
    }

    private WidgetClient connect() {
        return WidgetClient.connect(port, "edoc", null);
    }

    private static String hello(String token, String lastId) {
        return "{\"type\":\"hello\",\"desk\":\"edoc\"" + (token == null ? "" : ",\"token\":\"" + token + "\"")
                + (lastId == null ? "" : ",\"lastId\":\"" + lastId + "\"") + "}";
    }

    private static String message(String clientId, String text) {
        return "{\"type\":\"message\",\"clientId\":\"" + clientId + "\",\"text\":\"" + text + "\"}";
    }

    @Test
    void aQuestionGetsTheBotsAnswerAndIsConfirmed() {
        try (WidgetClient client = connect()) {
            JsonNode welcome = client.send(hello(null, null)).next("welcome");
            String token = welcome.path("token").asString();
            assertThat(token).hasSizeGreaterThanOrEqualTo(22);
            assertThat(welcome.path("messages").size()).isZero();
            assertThat(welcome.path("operators").path("atWork").asBoolean()).as("the customer learns it before asking").isFalse();
            assertThat(welcome.path("operators").path("schedule").asString()).isEqualTo("Операторы работают пн–пт 9:00–18:00 (время Астаны)");
            assertThat(client.send("{\"type\":\"ping\"}").next("pong").path("operators").path("atWork").asBoolean())
                    .as("a page left open keeps the line current").isFalse();

            client.send(message("c-1", "Как подписать документ?"));
            JsonNode answer = client.next("message");
            assertThat(answer.path("author").asString()).isEqualTo("bot");
            assertThat(answer.path("authorName").asString()).isEqualTo("Помощник");
            assertThat(answer.path("text").asString()).isEqualTo("Откройте раздел «Документы»");
            assertThat(answer.path("actions").get(1).path("id").asString()).isEqualTo(Action.NOT_HELPED);
            assertThat(answer.path("link").asString()).isEqualTo("https://edoc.kz/help/sign");
            JsonNode accepted = client.next("accepted");
            assertThat(accepted.path("clientId").asString()).isEqualTo("c-1");

            ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
            verify(engine).receive(inbound.capture());
            assertThat(inbound.getValue().desk()).isEqualTo(EDOC);
            assertThat(inbound.getValue().customer()).isEqualTo(CustomerAddress.of(ChannelKind.WIDGET, token));
            assertThat(inbound.getValue().externalId()).isEqualTo("c-1");
            assertThat(inbound.getValue().text()).isEqualTo("Как подписать документ?");
        }
    }

    @Test
    void aMessageTheStoreCannotTakeNowIsRefusedReadablyAndTakenWhenSentAgain() {
        AtomicBoolean refusedOnce = new AtomicBoolean();
        Mockito.doThrow(new ConversationsUnavailable("the database is behind"))
                .when(engine).receive(argThat(inbound -> "c-9".equals(inbound.externalId()) && refusedOnce.compareAndSet(false, true)));
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");

            JsonNode refused = client.send(message("c-9", "Как подписать документ?")).next("error");
            assertThat(refused.path("code").asString()).isEqualTo("unavailable");
            assertThat(refused.path("text").asString()).contains("Сообщение пока не доставлено");
            assertThat(refused.path("retryAfterMs").asLong()).as("gateway.widget.unavailable-retry").isEqualTo(20_000);

            assertThat(client.send(message("c-9", "Как подписать документ?")).next("accepted").path("clientId").asString())
                    .isEqualTo("c-9");
        }
    }

    @Test
    void aButtonPressIsAnActionInbound() {
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            client.send("{\"type\":\"action\",\"clientId\":\"a-1\",\"actionId\":\"not-helped\"}").next("accepted");
            ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
            verify(engine).receive(inbound.capture());
            assertThat(inbound.getValue().actionId()).isEqualTo(Action.NOT_HELPED);
            assertThat(inbound.getValue().externalId()).isEqualTo("a-1");
        }
    }

    @Test
    void anOperatorTypingReachesTheOpenWidgetAndIsNeverRedelivered() {
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();

            deliveries.typing(new Typing(EDOC, CustomerAddress.of(ChannelKind.WIDGET, token), "Анна"));

            JsonNode typing = client.next("typing");
            assertThat(typing.path("authorName").asString()).isEqualTo("Анна");
            assertThat(sessions.unacknowledged(new WidgetSessions.Key(EDOC, token))).as("a passing signal").isZero();
        }
    }

    @Test
    void anOperatorsInternalNoteIsNeverInTheCustomersHistory() {
        String token;
        try (WidgetClient first = connect()) {
            token = first.send(hello(null, null)).next("welcome").path("token").asString();
            first.send(message("c-1", "Как подписать документ?"));
            first.next("message");
            first.next("accepted");
        }
        transcripts.get(token).add(new Message(MessageId.random(), Author.note(new Operator("op-anna", "Анна")),
                "Клиент звонил, просит перезвонить после обеда", List.of(), null, List.of(), null, null, null, Instant.now()));

        try (WidgetClient second = connect()) {
            JsonNode welcome = second.send(hello(token, null)).next("welcome");

            assertThat(welcome.path("messages").size()).isEqualTo(2);
            assertThat(welcome.toString()).doesNotContain("перезвонить после обеда").doesNotContain("\"note\"");
        }
    }

    @Test
    void aScreenshotSentFromTheDesksSiteGoesToTheEngineWithTheMessage() throws Exception {
        byte[] screenshot = Files.readAllBytes(Path.of("src/test/resources/files/error-screenshot.png"));
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();

            HttpResponse<String> sent = sendFile("https://edoc.kz", token, "f-1", "Вот ошибка", "error-screenshot.png", screenshot);

            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(sent.headers().firstValue("Access-Control-Allow-Origin")).contains("https://edoc.kz");
            JsonNode accepted = JSON.readTree(sent.body());
            assertThat(accepted.path("type").asString()).isEqualTo("accepted");
            assertThat(accepted.path("clientId").asString()).isEqualTo("f-1");
            assertThat(client.next("message").path("author").asString()).as("the answer comes over the socket").isEqualTo("bot");
            ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
            verify(engine).receive(inbound.capture());
            assertThat(inbound.getValue().text()).isEqualTo("Вот ошибка");
            assertThat(inbound.getValue().externalId()).isEqualTo("f-1");
            assertThat(inbound.getValue().attachments()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("error-screenshot.png");
                assertThat(a.mediaType()).isEqualTo("image/png");
                assertThat(a.size()).isEqualTo(screenshot.length);
                assertThat(files.files.get(a.storageRef())).isEqualTo(screenshot);
            });
        }
    }

    @Test
    void aFileIsRefusedReadablyFromAForeignSiteWithoutASessionOfTheWrongTypeOrTooLarge() throws Exception {
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();
            byte[] small = "ошибка 500".getBytes(StandardCharsets.UTF_8);

            assertThat(sendFile("https://evil.example", token, "f-1", "", "log.txt", small).statusCode()).isEqualTo(403);
            HttpResponse<String> noSession = sendFile("https://edoc.kz", "x".repeat(30), "f-2", "", "log.txt", small);
            assertThat(noSession.statusCode()).isEqualTo(409);
            assertThat(JSON.readTree(noSession.body()).path("text").asString()).contains("обновите страницу");
            HttpResponse<String> program = sendFile("https://edoc.kz", token, "f-3", "", "setup.exe", small);
            assertThat(program.statusCode()).isEqualTo(415);
            assertThat(JSON.readTree(program.body()).path("text").asString()).contains("png", "pdf");
            HttpResponse<String> large = sendFile("https://edoc.kz", token, "f-4", "", "dump.log", new byte[2048]);
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(large.body()).path("code").asString()).isEqualTo("file-too-large");
            assertThat(files.files).isEmpty();
            verify(engine, never()).receive(any());
        }
    }

    @Test
    void aFileOfAMessageNotTakenIsNotKeptAndAResendKeepsOneCopy() throws Exception {
        byte[] log = "ошибка 500 при подписании".getBytes(StandardCharsets.UTF_8);
        try (WidgetClient client = connect()) {
            JsonNode welcome = client.send(hello(null, null)).next("welcome");
            String token = welcome.path("token").asString();
            assertThat(welcome.path("files").path("maxBytes").asLong()).as("the widget refuses larger files itself").isEqualTo(1024);
            assertThat(welcome.path("files").path("types").toString()).contains("png", "log");

            assertThat(sendFile("https://edoc.kz", token, "f-1", "", "a.log", log).statusCode()).isEqualTo(200);
            client.next("message");
            HttpResponse<String> again = sendFile("https://edoc.kz", token, "f-1", "", "a.log", log);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(files.files).as("the resend's copy is not kept").hasSize(1);
            HttpResponse<String> tooLong = sendFile("https://edoc.kz", token, "f-2", "я".repeat(101), "b.log", log);
            assertThat(JSON.readTree(tooLong.body()).path("code").asString()).isEqualTo("too-long");
            // burst of 3: f-1 twice used two tokens; the third passes, the fourth is over the rate
            assertThat(sendFile("https://edoc.kz", token, "f-3", "", "c.log", log).statusCode()).isEqualTo(200);
            client.next("message");
            HttpResponse<String> tooFast = sendFile("https://edoc.kz", token, "f-4", "", "d.log", log);
            assertThat(tooFast.statusCode()).isEqualTo(429);
            assertThat(files.files).as("refused messages keep no file").hasSize(2);
        }
    }

    @Test
    void aBodyWithoutALengthIsBoundedByTheSameSize() throws Exception {
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();
            String boundary = "sgw" + UUID.randomUUID();
            byte[] body = multipart(boundary, token, "f-9", "", "huge.log", new byte[200_000]);
            HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WidgetChannelConfiguration.FILES_PATH + "?desk=edoc"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Origin", "https://edoc.kz")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

            HttpResponse<String> refused = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("file-too-large");
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("the desk's page reads why")
                    .contains("https://edoc.kz");
            assertThat(files.files).isEmpty();
            verify(engine, never()).receive(any());
        }
    }

    @Test
    void theCustomerSavesTheFileAnOperatorSentAndNoFileOfAnotherChat() throws Exception {
        byte[] guide = "1. Откройте документ. 2. Нажмите «Подписать».".getBytes(StandardCharsets.UTF_8);
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();
            client.send(message("c-1", "Пришлите инструкцию")).next("message");
            Attachment sent = files.keep("Инструкция по подписанию.txt", "text/plain", new ByteArrayInputStream(guide));
            Outbound operator = new Outbound(MessageId.random(), ConversationId.of("c-" + token), EDOC, ChannelKind.WIDGET,
                    CustomerAddress.of(ChannelKind.WIDGET, token), Author.operator(new Operator("aliya", "Алия")), "Вот инструкция",
                    List.of(), null, List.of(sent), Instant.now(), null, null);
            transcripts.get(token).add(new Message(operator.id(), operator.author(), operator.text(), List.of(), null,
                    List.of(sent), null, null, null, operator.createdAt()));

            deliveries.deliver(operator);

            JsonNode file = client.next("message").path("files").get(0);
            assertThat(file.path("name").asString()).isEqualTo("Инструкция по подписанию.txt");
            assertThat(file.path("size").asLong()).isEqualTo(guide.length);
            assertThat(file.path("type").asString()).isEqualTo("text/plain");
            HttpResponse<byte[]> saved = download("https://edoc.kz", token, file.path("ref").asString());
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).isEqualTo(guide);
            assertThat(saved.headers().firstValue("Content-Type")).as("never a page of the gateway").contains("application/octet-stream");
            assertThat(saved.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains("UTF-8''");
            assertThat(saved.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(saved.headers().firstValue("Access-Control-Allow-Origin")).contains("https://edoc.kz");

            Attachment elsewhere = files.keep("чужой.txt", "text/plain", new ByteArrayInputStream(guide));
            assertThat(download("https://edoc.kz", token, elsewhere.storageRef()).statusCode()).as("not a file of this chat").isEqualTo(404);
            assertThat(download("https://edoc.kz", "y".repeat(30), sent.storageRef()).statusCode()).as("another customer").isEqualTo(404);
            assertThat(download("https://evil.example", token, sent.storageRef()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aChatClosedLatelyIsShownAfterAReloadWithItsRatingButtonsButNotOneClosedAWeekAgo() {
        String token;
        try (WidgetClient client = connect()) {
            token = client.send(hello(null, null)).next("welcome").path("token").asString();
        }
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, token);
        when(conversations.findLastClosed(EDOC, customer)).thenReturn(Optional.of(closedAgo(customer, Duration.ofHours(2))));

        try (WidgetClient reloaded = connect()) {
            JsonNode shown = reloaded.send(hello(token, null)).next("welcome").path("messages");
            assertThat(shown).hasSize(2);
            assertThat(shown.get(0).path("actions")).as("an old button would start a new chat").isEmpty();
            assertThat(shown.get(1).path("text").asString()).contains("Оцените");
            assertThat(shown.get(1).path("actions").toString()).contains(Action.RATED_GOOD, Action.RATED_BAD);
        }

        when(conversations.findLastClosed(EDOC, customer)).thenReturn(Optional.of(closedAgo(customer, Duration.ofDays(8))));
        try (WidgetClient later = connect()) {
            assertThat(later.send(hello(token, null)).next("welcome").path("messages")).isEmpty();
        }
    }

    private static Conversation closedAgo(CustomerAddress customer, Duration ago) {
        Instant closedAt = Instant.now().minus(ago);
        Message answer = new Message(MessageId.random(), Author.bot("Помощник"), "Откройте раздел «Документы»",
                List.of(new Action(Action.HELPED, "Помогло"), new Action(Action.NOT_HELPED, "Не помогло")), null, List.of(),
                null, null, null, closedAt.minusSeconds(300));
        Message closing = new Message(MessageId.random(), Author.system("Поддержка"), "Чат закрыт. Оцените, пожалуйста, нашу работу",
                List.of(new Action(Action.RATED_GOOD, "Хорошо"), new Action(Action.RATED_BAD, "Плохо")), null, List.of(),
                null, null, null, closedAt);
        return Conversation.open(ConversationId.of("c-closed"), EDOC, customer, null, null, closedAt.minusSeconds(600))
                .append(answer).append(closing).moveTo(ConversationState.CLOSED, closedAt);
    }

    @Test
    void theCustomerTypingReachesTheEngineAtMostOnceInTwoSecondsAndIsNeverAnswered() throws Exception {
        try (WidgetClient client = connect()) {
            String token = client.send(hello(null, null)).next("welcome").path("token").asString();

            client.send("{\"type\":\"typing\"}").send("{\"type\":\"typing\"}").send("{\"type\":\"ping\"}");

            assertThat(client.drain(500)).as("no error, no answer; only the keep-alive's").extracting(f -> f.path("type").asString())
                    .containsExactly("pong");
            verify(engine).customerTyping(EDOC, CustomerAddress.of(ChannelKind.WIDGET, token));
        }
    }

    /** What the widget's script sends to save a file: the session's token in a form body, not in the address. */
    private HttpResponse<byte[]> download(String origin, String token, String ref) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/widget/files/" + ref + "?desk=edoc"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What the widget's script sends: the desk in the address, a multipart form with the session, the message and the file. */
    private HttpResponse<String> sendFile(String origin, String token, String clientId, String text, String name, byte[] content)
            throws Exception {
        String boundary = "sgw" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WidgetChannelConfiguration.FILES_PATH + "?desk=edoc"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, token, clientId, text, name, content))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String boundary, String token, String clientId, String text, String name, byte[] content)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : List.of(new String[] {"token", token},
                new String[] {"clientId", clientId}, new String[] {"text", text})) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String type = name.endsWith(".png") ? "image/png" : "application/octet-stream";
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void aReconnectWithTheSameTokenRedeliversWhatWasNotAcknowledgedOnce() {
        String token;
        String answerId;
        try (WidgetClient first = connect()) {
            token = first.send(hello(null, null)).next("welcome").path("token").asString();
            first.send(message("c-1", "Как подписать документ?"));
            answerId = first.next("message").path("id").asString();
            first.next("accepted");
            // no ack: the connection drops before the widget confirms the answer
        }
        WidgetSessions.Key key = new WidgetSessions.Key(EDOC, token);
        assertThat(sessions.unacknowledged(key)).isEqualTo(1);

        try (WidgetClient second = connect()) {
            JsonNode welcome = second.send(hello(token, null)).next("welcome");
            assertThat(welcome.path("token").asString()).isEqualTo(token);
            List<String> ids = ids(welcome);
            // the transcript (question + answer) and the outbox (answer) meet without duplicates
            assertThat(ids).hasSize(2).doesNotHaveDuplicates().contains(answerId);
            assertThat(welcome.path("messages").get(0).path("author").asString()).isEqualTo("customer");
            assertThat(welcome.path("messages").get(0).path("clientId").asString()).isEqualTo("c-1");
            second.send("{\"type\":\"ack\",\"upTo\":\"" + answerId + "\"}");
            second.send("{\"type\":\"ping\"}").next("pong");
        }
        assertThat(sessions.unacknowledged(key)).isZero();

        try (WidgetClient third = connect()) {
            JsonNode welcome = third.send(hello(token, answerId)).next("welcome");
            assertThat(ids(welcome)).as("nothing after the last message the widget saw").isEmpty();
        }
    }

    @Test
    void aResentMessageKeepsItsClientIdSoTheEngineCanIgnoreIt() {
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            client.send(message("c-7", "Как подписать документ?")).next("accepted");
            client.send(message("c-7", "Как подписать документ?")).next("accepted");
            ArgumentCaptor<Inbound> inbound = ArgumentCaptor.forClass(Inbound.class);
            verify(engine, Mockito.times(2)).receive(inbound.capture());
            assertThat(inbound.getAllValues()).extracting(Inbound::externalId).containsExactly("c-7", "c-7");
        }
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> WidgetClient.connect(port, "edoc", "https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> WidgetClient.connect(port, "nosuchdesk", null))
                .cause().satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(404));
        try (WidgetClient allowed = WidgetClient.connect(port, "edoc", "https://edoc.kz")) {
            assertThat(allowed.send(hello(null, null)).next("welcome").path("desk").asString()).isEqualTo("edoc");
        }
        try (WidgetClient sameOrigin = WidgetClient.connect(port, "edoc", "http://localhost:" + port)) {
            sameOrigin.send(hello(null, null)).next("welcome");
        }
    }

    @Test
    void aFrameLongerThanTheSocketBufferArrivesInPartsAndIsReadWhole() {
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            String question = "Здравствуйте, " + "очень ".repeat(12) + "длинный вопрос";
            assertThat(question.length()).isBetween(100 - 20, 100);
            String frame = message("c-long", question);
            assertThat(frame.length()).isGreaterThan(128);
            client.send(frame).next("accepted");
            verify(engine, timeout(5000)).receive(argThat(in -> in.text().equals(question)));
        }
    }

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    @Test
    void everyOpenSocketHoldsBuffersOfTheConfiguredSizeOnly() {
        var connector = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("512");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("512");
        assertThat(System.getProperty(WidgetChannelConfiguration.SocketBuffers.WEBSOCKET_BUFFER_PROPERTY)).isEqualTo("512");
    }

    @Test
    void anAnswerManyTimesLongerThanTheSocketsBuffersArrivesWhole() {
        answerText = "Чтобы подписать документ, откройте раздел «Документы» и выберите сертификат. ".repeat(60);
        assertThat(answerText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(16 * 512);
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            client.send(message("c-answer", "Как подписать документ?"));
            assertThat(client.next("message").path("text").asString()).isEqualTo(answerText);
            assertThat(client.next("accepted").path("clientId").asString()).isEqualTo("c-answer");
        }
    }

    @Test
    void anOversizedMessageIsRefusedWithAReadableError() {
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            JsonNode tooLong = client.send(message("c-1", "я".repeat(101))).next("error");
            assertThat(tooLong.path("code").asString()).isEqualTo("too-long");
            assertThat(tooLong.path("text").asString()).contains("слишком длинное", "100 символов");

            JsonNode tooLarge = client.send("{\"type\":\"message\",\"clientId\":\"c-2\",\"text\":\"x\",\"padding\":\""
                    + "x".repeat(2000) + "\"}").next("error");
            assertThat(tooLarge.path("code").asString()).isEqualTo("too-large");
            client.send("{\"type\":\"ping\"}").next("pong");

            JsonNode huge = client.send("{\"type\":\"message\",\"clientId\":\"c-3\",\"text\":\""
                    + "ы".repeat(300_000) + "\"}").next("error");
            assertThat(huge.path("code").asString()).as("a frame far over the limit, in many parts").isEqualTo("too-large");
            client.send("{\"type\":\"ping\"}").next("pong");
        }
        verify(engine, never()).receive(any());
    }

    @Test
    void theRateLimitIsShownToTheCustomerInRussian() throws InterruptedException {
        try (WidgetClient client = connect()) {
            client.send(hello(null, null)).next("welcome");
            for (int i = 1; i <= 3; i++) {
                client.send(message("c-" + i, "Вопрос " + i)).next("accepted");
            }
            JsonNode limited = client.send(message("c-4", "Вопрос 4")).next("rate-limited");
            assertThat(limited.path("text").asString()).isEqualTo("Слишком много сообщений подряд, подождите несколько секунд");
            assertThat(limited.path("retryAfterMs").asLong()).isPositive();
            assertThat(client.drain(200)).extracting(f -> f.path("clientId").asString()).doesNotContain("c-4");
        }
        verify(engine, Mockito.times(3)).receive(any());
    }

    @Test
    void framesBeforeHelloOrMalformedAreAnswered() {
        try (WidgetClient client = connect()) {
            assertThat(client.send(message("c-1", "привет")).next("error").path("code").asString()).isEqualTo("no-hello");
            assertThat(client.send("не json").next("error").path("code").asString()).isEqualTo("bad-frame");
        }
    }

    private static List<String> ids(JsonNode welcome) {
        List<String> ids = new ArrayList<>();
        welcome.path("messages").forEach(m -> ids.add(m.path("id").asString()));
        return ids;
    }
}
