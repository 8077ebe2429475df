package dev.supportgateway.faq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.faq.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaqCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        FaqCommand command = new FaqCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return command.run(args);
    }

    private List<String> stdoutLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void askWritesOneJsonLinePerQuestionAndNothingElse() {
        String questions = "забыл пароль от личного кабинета\nкакая погода \"завтра\"\\\n\nкогда привезут заказ\n";
        int code = run(questions, "ask", "--kb", Fixtures.kb().toString(), "--desk", "demo");
        assertThat(code).isZero();
        List<String> lines = stdoutLines();
        assertThat(lines).hasSize(4);
        assertThat(lines).allMatch(line -> line.startsWith("{\"question\": ") && line.endsWith("]}"));
        assertThat(lines.get(0)).contains("\"answer\": \"demo-password-recovery\"", "\"candidates\": [{\"id\": \"demo-password-recovery\"");
        assertThat(lines.get(1)).contains("\"question\": \"какая погода \\\"завтра\\\"\\\\\"", "\"answer\": null");
        assertThat(lines.get(2)).isEqualTo("{\"question\": \"\", \"answer\": null, \"confidence\": 0.0, \"candidates\": []}");
        assertThat(lines.get(3)).contains("demo-delivery-time");
    }

    @Test
    void explainAddsTheDecisionAndItsReasons() {
        assertThat(run("gfhjkm\n", "ask", "--kb", Fixtures.kb().toString(), "--desk", "demo", "--explain")).isZero();
        assertThat(stdoutLines()).singleElement().asString().contains("\"decision\": ", "\"explanation\": \"read as [", "keyboard layout");
    }

    @Test
    void atMostFiveCandidatesBestFirst() {
        run("как в компании подписать документ, вернуть деньги, восстановить пароль и получить заказ\n",
                "ask", "--kb", Fixtures.kb().toString(), "--desk", "demo");
        String line = stdoutLines().get(0);
        int count = line.split("\"id\": ").length - 1;
        assertThat(count).isBetween(1, 5);
    }

    @Test
    void badArgumentsExitWith2AndPrintUsage() {
        assertThat(run("", "ask", "--kb")).isEqualTo(2);
        assertThat(run("", "ask", "--desk", "demo")).isEqualTo(2);
        assertThat(run("", "frobnicate")).isEqualTo(2);
        assertThat(run("")).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    @Test
    void indexReportsProblemsAndCounts() {
        assertThat(run("", "index", "--kb", Fixtures.brokenKb().toString())).isZero();
        String report = err.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("desk demo: 1 articles indexed, 5 skipped", "demo-bad-yaml.md");
        assertThat(out.size()).isZero();
    }

    @Test
    void unusableInputIsANonZeroExit() {
        assertThat(run("", "index", "--kb", Fixtures.kb().toString(), "--desk", "absent")).isEqualTo(1);
        assertThat(run("", "ask", "--kb", Fixtures.kb().toString(), "--desk", "absent")).isEqualTo(1);
        assertThat(run("", "index", "--kb", Fixtures.kb().resolve("missing").toString())).isEqualTo(1);
    }
}
