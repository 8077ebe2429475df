package dev.supportgateway.faq.article;

import java.nio.file.Path;
import java.util.Objects;

/** Something wrong with one article file: which file, which front-matter field, and what is wrong with it. */
public record Problem(Path file, String field, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        field = field == null ? "" : field;
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? file + ": " + message : file + " [" + field + "]: " + message;
    }
}
