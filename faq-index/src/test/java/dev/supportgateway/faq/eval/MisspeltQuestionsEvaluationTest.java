package dev.supportgateway.faq.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Asks the development questions again with typing slips in them (a third of the longer words misspelt, three
 * seeds) and checks that the bot still finds the article about as often and, above all, does not answer a misspelt
 * question directly with a wrong article; skipped when the shared test data is not next to the repository.
 */
class MisspeltQuestionsEvaluationTest {

    private static final long[] SEEDS = {1, 2, 3};
    private static final double PER_WORD = 0.3;

    @Test
    void misspeltQuestionsFindTheirArticleAlmostAsOftenAndAreNeverAnsweredWronglyMoreOften() {
        Path eval = DevSetEvaluationTest.sharedDir();
        assumeTrue(Files.isRegularFile(eval.resolve("dev-questions.tsv")) && Files.isDirectory(eval.resolve("kb")),
                "shared test data is missing: no faq-eval/dev-questions.tsv and kb/ under " + eval.toAbsolutePath()
                        + " (set -Dshared.dir); skipping the misspelling evaluation");
        List<DevQuestion> questions = DevQuestion.read(eval.resolve("dev-questions.tsv"));
        List<DevQuestion> asked = new ArrayList<>();
        List<HelpCenterAnswer> clean = new ArrayList<>();
        List<HelpCenterAnswer> misspelt = new ArrayList<>();
        int changed = 0;
        try (LuceneHelpCenter helpCenter = new LuceneHelpCenter()) {
            for (DevQuestion question : questions) {
                if (!helpCenter.desks().contains(question.desk())) {
                    helpCenter.load(question.desk(), eval.resolve("kb").resolve(question.desk().value()));
                }
            }
            for (long seed : SEEDS) {
                Misspelling misspelling = new Misspelling(seed, PER_WORD);
                for (DevQuestion question : questions) {
                    String text = misspelling.misspell(question.question());
                    changed += text.equals(question.question()) ? 0 : 1;
                    asked.add(question);
                    clean.add(helpCenter.ask(question.desk(), question.question()));
                    misspelt.add(helpCenter.ask(question.desk(), text));
                }
            }
        }
        Scorecard asWritten = Scorecard.of("as written", asked, clean);
        Scorecard withSlips = Scorecard.of("misspelt", asked, misspelt);
        System.out.printf("faq-eval development set with typing slips (%d of %d questions changed, seeds 1–3):%n  %s%n  %s%n",
                changed, asked.size(), asWritten, withSlips);

        // today: hit@1 0.871 → 0.863, recall@3 0.976 → 0.971, wrong direct 1.7 % → 1.2 %
        assertThat(withSlips.hitAt1()).as("hit@1 with slips").isGreaterThanOrEqualTo(asWritten.hitAt1() - 0.03);
        assertThat(withSlips.recallAt3()).as("recall@3 with slips").isGreaterThanOrEqualTo(asWritten.recallAt3() - 0.03);
        assertThat(withSlips.wrongDirectRate()).as("misspelt questions answered directly with a wrong article").isLessThanOrEqualTo(0.03);
        assertThat(withSlips.noneDirectRate()).as("misspelt NONE questions answered directly").isLessThanOrEqualTo(0.15);
    }
}
