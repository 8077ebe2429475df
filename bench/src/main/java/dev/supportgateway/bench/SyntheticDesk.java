package dev.supportgateway.bench;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.faq.article.ArticleFolder;
import dev.supportgateway.faq.article.ArticleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A large desk made from the shared faq-eval articles: titles, tags and body sentences of all desks recombined
 * with a fixed seed, so every run indexes and asks the same 10,000 articles.
 */
final class SyntheticDesk {

    static final DeskId DESK = DeskId.of("bench");

    private SyntheticDesk() {
    }

    static Path sharedKb() {
        String shared = System.getProperty("shared.dir", "../shared");
        Path kb = Path.of(shared).resolve("faq-eval").resolve("kb");
        if (!Files.isDirectory(kb)) {
            throw new IllegalStateException("shared test data missing: " + kb.toAbsolutePath() + " (run from the repository root or pass -Dshared.dir=...)");
        }
        return kb;
    }

    static List<Article> source() {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> desks = Files.list(sharedKb())) {
            for (Path deskDir : desks.filter(Files::isDirectory).sorted().toList()) {
                ArticleSet set = ArticleFolder.load(deskDir, DeskId.of(deskDir.getFileName().toString()));
                articles.addAll(set.articles());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    static List<Article> generate(int count, long seed) {
        List<Article> source = source();
        List<String> sentences = new ArrayList<>();
        for (Article article : source) {
            for (String sentence : article.body().split("(?<=[.!?])\\s+")) {
                if (sentence.length() > 20) {
                    sentences.add(sentence.strip());
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Article> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Article base = source.get(random.nextInt(source.size()));
            Article other = source.get(random.nextInt(source.size()));
            String[] words = other.title().split(" ");
            String title = base.title() + " — " + words[random.nextInt(words.length)] + " " + (i % 97);
            List<String> tags = new ArrayList<>(base.tags());
            tags.add(other.tags().isEmpty() ? "разное" : other.tags().get(random.nextInt(other.tags().size())));
            StringBuilder body = new StringBuilder();
            int length = 5 + random.nextInt(12);
            for (int s = 0; s < length; s++) {
                body.append(sentences.get(random.nextInt(sentences.size()))).append(s % 4 == 3 ? "\n\n" : " ");
            }
            out.add(new Article("bench-" + i, DESK, title, base.section(), tags, null, List.of(), body.toString()));
        }
        return out;
    }

    /** Questions to ask the synthetic desk: titles and tag pairs of the source articles, lightly garbled. */
    static List<String> questions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> questions = new ArrayList<>();
        for (Article article : source()) {
            questions.add(article.title().toLowerCase());
            if (article.tags().size() > 1) {
                questions.add("здравствуйте, " + article.tags().get(0) + " " + article.tags().get(1) + " не работает, что делать?");
            }
            String title = article.title();
            int at = random.nextInt(Math.max(1, title.length() - 1));
            questions.add(title.substring(0, at) + title.substring(Math.min(title.length(), at + 1)));
        }
        return questions;
    }
}
