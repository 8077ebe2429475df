package dev.supportgateway.faq.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.faq.Fixtures;
import dev.supportgateway.faq.LuceneHelpCenter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArticleFolderTest {

    private final Path brokenDesk = Fixtures.brokenKb().resolve("demo");

    @Test
    void brokenArticleIsReportedAndSkipped() {
        ArticleSet set = ArticleFolder.load(brokenDesk, Fixtures.DEMO);
        assertThat(set.articles()).extracting(Article::id).containsExactly("demo-good");
        assertThat(set.problems()).extracting(p -> p.file().getFileName().toString() + " " + p.field())
                .containsExactlyInAnyOrder(
                        "demo-bad-yaml.md front matter",
                        "demo-no-front-matter.md front matter",
                        "demo-no-title.md title",
                        "demo-renamed.md id",
                        "demo-wrong-desk.md desk");
        assertThat(set.problems()).allMatch(p -> !p.message().isBlank());
    }

    @Test
    void aDeskWithBrokenArticlesStillAnswers() {
        try (LuceneHelpCenter helpCenter = new LuceneHelpCenter()) {
            ArticleSet set = helpCenter.load(Fixtures.DEMO, brokenDesk);
            assertThat(set.problems()).hasSize(5);
            assertThat(helpCenter.problems(Fixtures.DEMO)).hasSize(5);
            assertThat(helpCenter.ask(Fixtures.DEMO, "рабочая статья").candidates()).extracting(c -> c.id()).containsExactly("demo-good");
        }
    }

    @Test
    void frontMatterFieldsAreRead() {
        ArticleSet set = ArticleFolder.load(Fixtures.kb().resolve("demo"), Fixtures.DEMO);
        Article article = set.articles().stream().filter(a -> a.id().equals("demo-password-recovery")).findFirst().orElseThrow();
        assertThat(article.title()).isEqualTo("Как восстановить пароль от личного кабинета");
        assertThat(article.section()).isEqualTo("Доступ");
        assertThat(article.tags()).containsExactly("пароль", "восстановление", "вход");
        assertThat(article.questions()).containsExactly("забыл пароль и не могу войти");
        assertThat(article.body()).startsWith("Если вы забыли пароль").doesNotContain("---");
    }

    @Test
    void missingFolderIsAProblemNotACrash() {
        ArticleSet set = ArticleFolder.load(brokenDesk.resolve("absent"), Fixtures.DEMO);
        assertThat(set.articles()).isEmpty();
        assertThat(set.problems()).hasSize(1);
    }
}
