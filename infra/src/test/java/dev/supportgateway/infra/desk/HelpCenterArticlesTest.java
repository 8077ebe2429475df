package dev.supportgateway.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.Desk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The demo desks' help-center articles have the front matter the faq index expects, and a useful length. */
class HelpCenterArticlesTest {

    private static final Set<String> KEYS = Set.of("id", "desk", "title", "section", "tags", "url", "questions");

    @Test
    void everyDeskHasSixToEightWellFormedArticles() throws IOException {
        DeskCatalog catalog = DeskFiles.load(DemoDesksTest.repositoryDesks());
        Set<String> ids = new HashSet<>();
        for (Desk desk : catalog.all()) {
            List<Path> articles;
            try (Stream<Path> files = Files.list(catalog.articleFolder(desk.id()))) {
                articles = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            }
            assertThat(articles).as("articles of %s", desk.id()).hasSizeBetween(6, 8);
            for (Path article : articles) {
                String text = Files.readString(article, StandardCharsets.UTF_8);
                assertThat(text).as("%s starts with front matter", article).startsWith("---\n");
                int end = text.indexOf("\n---\n", 4);
                Map<String, Object> front = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
                String body = text.substring(end + 5);
                assertThat(KEYS).as("keys of %s", article).containsAll(front.keySet());
                assertThat(front.get("desk")).as("desk of %s", article).isEqualTo(desk.id().value());
                assertThat(front.get("id")).as("id of %s", article).isEqualTo(article.getFileName().toString().replace(".md", ""));
                assertThat(front.get("title")).isInstanceOf(String.class);
                assertThat(front.get("section")).isInstanceOf(String.class);
                assertThat(front.get("tags")).isInstanceOf(List.class);
                assertThat(ids.add((String) front.get("id"))).as("unique id %s", front.get("id")).isTrue();
                assertThat(body.strip().split("\\s+").length).as("words in %s", article).isBetween(60, 200);
            }
        }
    }
}
