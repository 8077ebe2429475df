package dev.supportgateway.infra.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer.Decision;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.infra.config.GatewayProperties;
import dev.supportgateway.infra.desk.DeskFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desk's help center follows its article folder while the gateway runs, and keeps answering meanwhile. */
class HelpCenterLibraryTest {

    static final DeskId HELP = DeskId.of("help");

    @TempDir
    Path desks;

    LuceneHelpCenter helpCenter;
    HelpCenterLibrary library;

    @BeforeEach
    void startWithTheTestDesk() throws IOException {
        copy(Path.of("src/test/resources/desks-api"), desks);
        helpCenter = new LuceneHelpCenter();
        library = new HelpCenterLibrary(helpCenter, DeskFiles.load(desks),
                new GatewayProperties.HelpCenter(true, Duration.ofMillis(100), 2000), Executors.newSingleThreadScheduledExecutor());
        library.start();
    }

    @AfterEach
    void stop() {
        library.stop();
        helpCenter.close();
    }

    @Test
    void everyDeskIsIndexedAtStartAndBrokenArticlesAreSkipped() {
        assertThat(helpCenter.articles(HELP)).hasSize(3);
        assertThat(helpCenter.problems(HELP)).hasSize(1);
        assertThat(helpCenter.problems(HELP).getFirst().file().getFileName()).hasToString("broken-article.md");
    }

    @Test
    void aNewArticleIsAnsweredSoonAfterItIsSavedWithoutARestart() throws Exception {
        assertThat(helpCenter.ask(HELP, "как оплатить заказ подарочным сертификатом").answer()).isNull();

        Files.writeString(desks.resolve("help/articles/help-gift-certificate.md"), """
                ---
                id: help-gift-certificate
                desk: help
                title: Оплата заказа подарочным сертификатом
                section: Оплата
                tags: [сертификат, оплата, подарок]
                ---
                Подарочный сертификат вводится на шаге оплаты: выберите «Оплатить сертификатом» и укажите его
                номер. Если сумма заказа больше номинала, остаток оплачивается картой.
                """);

        await(() -> helpCenter.articles(HELP).size() == 4, Duration.ofSeconds(20));
        var answer = helpCenter.ask(HELP, "как оплатить заказ подарочным сертификатом");
        assertThat(answer.candidates().getFirst().id()).isEqualTo("help-gift-certificate");
        assertThat(answer.decision()).isNotEqualTo(Decision.NO_ANSWER);
    }

    @Test
    void aDeletedArticleLeavesTheHelpCenter() throws Exception {
        Files.delete(desks.resolve("help/articles/help-return-goods.md"));

        await(() -> helpCenter.articles(HELP).size() == 2, Duration.ofSeconds(20));
        assertThat(helpCenter.article(HELP, "help-return-goods")).isEmpty();
        assertThat(helpCenter.article(HELP, "help-password-reset")).isPresent();
    }

    @Test
    void reindexOnRequestReportsWhatWasSkipped() {
        var set = library.reindex(HELP);
        assertThat(set.articles()).hasSize(3);
        assertThat(set.problems()).singleElement().satisfies(p -> assertThat(p.message()).isNotBlank());
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + atMost);
            }
            Thread.sleep(50);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
