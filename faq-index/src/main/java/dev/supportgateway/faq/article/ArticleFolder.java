package dev.supportgateway.faq.article;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a desk's help-center folder ({@code <desk>/<article-id>.md}, Markdown with YAML front matter); a broken
 * file becomes a {@link Problem} and is skipped, so one bad article never takes the desk down.
 */
public final class ArticleFolder {

    private static final System.Logger LOG = System.getLogger(ArticleFolder.class.getName());

    private ArticleFolder() {
    }

    /** Loads every {@code *.md} file directly inside {@code deskDir}, in file-name order. */
    public static ArticleSet load(Path deskDir, DeskId desk) {
        List<Article> articles = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(deskDir)) {
            problems.add(new Problem(deskDir, "", "not a directory"));
            log(desk, problems);
            return new ArticleSet(desk, articles, problems);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(deskDir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + deskDir, e);
        }
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            String text;
            try {
                text = readUtf8(file);
            } catch (CharacterCodingException e) {
                problems.add(new Problem(file, "", "not valid UTF-8"));
                continue;
            } catch (IOException e) {
                problems.add(new Problem(file, "", "cannot read: " + e.getMessage()));
                continue;
            }
            int before = problems.size();
            Article article = parse(file, desk, text, problems);
            if (article == null || problems.size() > before) {
                continue;
            }
            Path earlier = seen.putIfAbsent(article.id(), file);
            if (earlier != null) {
                problems.add(new Problem(file, "id", "duplicate id '" + article.id() + "', already in " + earlier.getFileName()));
                continue;
            }
            articles.add(article);
        }
        log(desk, problems);
        return new ArticleSet(desk, articles, problems);
    }

    /** Parses one article file's text; returns null and adds problems when it is not usable. */
    public static Article parse(Path file, DeskId desk, String text, List<Problem> problems) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        content = content.replace("\r\n", "\n");
        if (!content.startsWith("---\n")) {
            problems.add(new Problem(file, "front matter", "missing: the file must start with a '---' line"));
            return null;
        }
        int end = content.indexOf("\n---", 3);
        while (end >= 0 && !(end + 4 == content.length() || content.charAt(end + 4) == '\n')) {
            end = content.indexOf("\n---", end + 4);
        }
        if (end < 0) {
            problems.add(new Problem(file, "front matter", "not closed: no second '---' line"));
            return null;
        }
        String yaml = content.substring(4, end + 1);
        String body = end + 4 >= content.length() ? "" : content.substring(end + 5);
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            problems.add(new Problem(file, "front matter", "invalid YAML: " + message));
            return null;
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            problems.add(new Problem(file, "front matter", "must be a YAML mapping of fields"));
            return null;
        }
        String fileId = file.getFileName().toString().replaceFirst("\\.md$", "");
        String id = text(fields, "id", file, problems, true);
        String title = text(fields, "title", file, problems, true);
        String deskName = text(fields, "desk", file, problems, false);
        String section = text(fields, "section", file, problems, false);
        String url = text(fields, "url", file, problems, false);
        List<String> tags = list(fields, "tags", file, problems);
        List<String> questions = list(fields, "questions", file, problems);
        if (id != null && !id.equals(fileId)) {
            problems.add(new Problem(file, "id", "'" + id + "' differs from the file name '" + fileId + "'"));
        }
        if (deskName != null && !deskName.equals(desk.value())) {
            problems.add(new Problem(file, "desk", "'" + deskName + "' differs from the folder's desk '" + desk + "'"));
        }
        if (id == null || title == null) {
            return null;
        }
        return new Article(id, desk, title, section, tags, url, questions, body.strip());
    }

    private static String text(Map<?, ?> fields, String name, Path file, List<Problem> problems, boolean required) {
        Object value = fields.get(name);
        if (value == null) {
            if (required) {
                problems.add(new Problem(file, name, "missing"));
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problems.add(new Problem(file, name, "must be a single value, not " + (value instanceof Map<?, ?> ? "a mapping" : "a list")));
            return null;
        }
        String string = String.valueOf(value).strip();
        if (string.isEmpty() && required) {
            problems.add(new Problem(file, name, "empty"));
            return null;
        }
        return string;
    }

    private static List<String> list(Map<?, ?> fields, String name, Path file, List<Problem> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items) {
            List<String> strings = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    problems.add(new Problem(file, name, "items must be plain strings"));
                    return List.of();
                }
                if (item != null && !String.valueOf(item).isBlank()) {
                    strings.add(String.valueOf(item).strip());
                }
            }
            return strings;
        }
        if (value instanceof Map<?, ?>) {
            problems.add(new Problem(file, name, "must be a list, not a mapping"));
            return List.of();
        }
        // A single scalar is accepted as a one-item list: authors write «tags: пароль» by hand.
        return List.of(String.valueOf(value).strip());
    }

    private static String readUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    private static void log(DeskId desk, List<Problem> problems) {
        for (Problem problem : problems) {
            LOG.log(System.Logger.Level.WARNING, "desk {0}: article skipped: {1}", desk, problem);
        }
    }
}
