package dev.supportgateway.infra.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.infra.GatewayApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The public desk API over real HTTP: the {@code ask} contract, limits and clear errors. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskApiTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void desks(DynamicPropertyRegistry registry) {
        registry.add("gateway.desks", () -> Path.of("src/test/resources/desks-api").toAbsolutePath().toString());
        registry.add("gateway.data", () -> data.toString());
        registry.add("gateway.help-center.watch-articles", () -> "false");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void desksAreListedWithTheirHelpCenterSize() throws Exception {
        HttpResponse<String> response = get("/api/v1/desks");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode desk = json.readTree(response.body()).get(0);
        assertThat(desk.get("id").asString()).isEqualTo("help");
        assertThat(desk.get("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(desk.get("articles").asInt()).as("the broken article is skipped, the rest serve").isEqualTo(3);
    }

    @Test
    void aClearQuestionIsAnsweredWithTheArticleInTheAskContract() throws Exception {
        HttpResponse<String> response = ask("help", "{\"question\": \"Здравствуйте! Я забыл пароль от личного кабинета, как его восстановить?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json.readTree(response.body());
        assertThat(reply.get("answer").asString()).isEqualTo("help-password-reset");
        assertThat(reply.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(reply.get("candidates").get(0).get("id").asString()).isEqualTo("help-password-reset");
        assertThat(reply.get("candidates").get(0).has("title")).isTrue();
        assertThat(reply.has("explanation")).as("only on request").isFalse();
    }

    @Test
    void aQuestionTheHelpCenterCannotAnswerHasANullAnswer() throws Exception {
        JsonNode reply = json.readTree(ask("help", "{\"question\": \"какая погода будет завтра на Марсе\"}").body());

        assertThat(reply.has("answer")).isTrue();
        assertThat(reply.get("answer").isNull()).isTrue();
    }

    @Test
    void theDecisionIsExplainedWhenAskedFor() throws Exception {
        JsonNode reply = json.readTree(post("/api/v1/desks/help/ask?explain=true", "{\"question\": \"сроки доставки\"}").body());

        assertThat(reply.get("decision").asString()).isIn("ANSWER", "SUGGEST", "NO_ANSWER");
        assertThat(reply.get("explanation").asString()).contains("confidence");
    }

    @Test
    void anUnknownDeskIsNotFound() throws Exception {
        assertThat(ask("nosuchdesk", "{\"question\": \"пароль\"}").statusCode()).isEqualTo(404);
        assertThat(ask("../../etc", "{\"question\": \"пароль\"}").statusCode()).isIn(400, 404);
    }

    @Test
    void anEmptyOrHugeQuestionGetsAClearAnswer() throws Exception {
        HttpResponse<String> empty = ask("help", "{\"question\": \"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("question");

        HttpResponse<String> huge = ask("help", "{\"question\": \"" + "пароль ".repeat(1000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("2000");
    }

    @Test
    void aHugeRequestBodyIsRefusedBeforeItIsRead() throws Exception {
        HttpResponse<String> huge = ask("help", "{\"question\": \"" + "а".repeat(200_000) + "\"}");

        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("65536 bytes");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    private HttpResponse<String> ask(String desk, String body) throws IOException, InterruptedException {
        return post("/api/v1/desks/" + desk + "/ask", body);
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
