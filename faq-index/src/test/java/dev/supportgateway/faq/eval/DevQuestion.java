package dev.supportgateway.faq.eval;

import dev.supportgateway.engine.desk.DeskId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One row of the shared development question set: a question to a desk and the article that answers it (or none). */
record DevQuestion(int row, DeskId desk, String question, String expected) {

    static final String NONE = "NONE";

    boolean answerable() {
        return !NONE.equals(expected);
    }

    static List<DevQuestion> read(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            List<DevQuestion> questions = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 3) {
                    throw new IllegalStateException(tsv + ":" + (i + 1) + ": expected 3 tab-separated cells");
                }
                questions.add(new DevQuestion(i, DeskId.of(cells[0].strip()), cells[1].strip(), cells[2].strip()));
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
