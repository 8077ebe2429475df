package dev.supportgateway.infra.desk;

import java.util.List;

/**
 * The desk files are wrong: every problem found, each naming the file, the field path and what is
 * wrong, e.g. {@code desks/edoc/desk.yml: sla[2].first-reply: expected a time limit like '15 minutes', ...}.
 */
public class DeskConfigurationException extends RuntimeException {

    private final List<String> problems;

    public DeskConfigurationException(List<String> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem: {@code file: field.path: what is wrong}. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        if (problems.size() == 1) {
            return problems.getFirst();
        }
        return problems.size() + " problems in the desk configuration:\n  " + String.join("\n  ", problems);
    }
}
