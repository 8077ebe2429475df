package dev.supportgateway.faq.cli;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.faq.article.ArticleSet;
import dev.supportgateway.faq.article.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

/**
 * The faq-index command line: {@code ask} answers questions from stdin as JSON lines, {@code index} checks a
 * help-center folder. Only answers go to stdout; everything else goes to stderr.
 */
public final class FaqCommand {

    static final String USAGE = """
            usage:
              faq-index ask   --kb <dir> --desk <id> [--explain]   questions on stdin (one a line, UTF-8),
                                                                   one JSON answer a line on stdout
              faq-index index --kb <dir> [--desk <id>]             load and check articles, report to stderr
            <dir> holds one folder of Markdown articles per desk: <dir>/<desk>/<article-id>.md""";

    static final int OK = 0;
    static final int UNUSABLE_INPUT = 1;
    static final int BAD_ARGUMENTS = 2;
    private static final int CANDIDATES = 5;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public FaqCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Nothing but answers may reach stdout: route any library that prints through System.out to stderr.
        System.setOut(stderr);
        logToStderr(stderr);
        int code = new FaqCommand(System.in, stdout, stderr).run(args);
        stdout.flush();
        System.exit(code);
    }

    private static void logToStderr(PrintStream stderr) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler() {
            {
                setOutputStream(stderr);
            }
        };
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }

    public int run(String[] args) {
        if (args.length == 0) {
            return usage("missing command");
        }
        Map<String, String> options = new HashMap<>();
        boolean explain = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--explain" -> explain = true;
                case "--kb", "--desk" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        return usage(arg + " needs a value");
                    }
                    options.put(arg, args[++i]);
                }
                case "-h", "--help" -> {
                    err.println(USAGE);
                    return OK;
                }
                default -> {
                    return usage("unknown option " + arg);
                }
            }
        }
        try {
            return switch (args[0]) {
                case "ask" -> ask(options, explain);
                case "index" -> index(options);
                case "-h", "--help", "help" -> {
                    err.println(USAGE);
                    yield OK;
                }
                default -> usage("unknown command " + args[0]);
            };
        } catch (UnusableInput e) {
            err.println("faq-index: " + e.getMessage());
            return UNUSABLE_INPUT;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String problem) {
        err.println("faq-index: " + problem);
        err.println(USAGE);
        return BAD_ARGUMENTS;
    }

    private int ask(Map<String, String> options, boolean explain) {
        Path kb = kb(options);
        String deskName = options.get("--desk");
        if (deskName == null) {
            throw new IllegalArgumentException("ask needs --desk <id>");
        }
        DeskId desk = DeskId.of(deskName);
        Path deskDir = kb.resolve(desk.value());
        if (!Files.isDirectory(deskDir)) {
            err.println("faq-index: no folder for desk " + desk + " in " + kb);
            return UNUSABLE_INPUT;
        }
        try (LuceneHelpCenter helpCenter = new LuceneHelpCenter()) {
            ArticleSet set = helpCenter.load(desk, deskDir);
            report(set);
            if (set.articles().isEmpty()) {
                err.println("faq-index: desk " + desk + " has no usable articles");
                return UNUSABLE_INPUT;
            }
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String question = line.startsWith("\uFEFF") ? line.substring(1) : line;
                HelpCenterAnswer answer = helpCenter.ask(desk, question, CANDIDATES);
                writer.print(json(answer, question, explain));
                writer.print('\n');
                writer.flush();
            }
            return OK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(HelpCenterAnswer answer, String question, boolean explain) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"question\": ").append(Json.string(question));
        json.append(", \"answer\": ").append(Json.string(answer.answer()));
        json.append(", \"confidence\": ").append(Json.number(answer.confidence()));
        json.append(", \"candidates\": [");
        List<HelpCenterAnswer.Candidate> candidates = answer.candidates();
        for (int i = 0; i < candidates.size(); i++) {
            HelpCenterAnswer.Candidate candidate = candidates.get(i);
            if (i > 0) {
                json.append(", ");
            }
            json.append("{\"id\": ").append(Json.string(candidate.id()))
                    .append(", \"title\": ").append(Json.string(candidate.title()))
                    .append(", \"score\": ").append(Json.number(candidate.score())).append('}');
        }
        json.append(']');
        if (explain) {
            json.append(", \"decision\": ").append(Json.string(answer.decision().name()));
            json.append(", \"explanation\": ").append(Json.string(answer.explanation()));
        }
        return json.append('}').toString();
    }

    private int index(Map<String, String> options) {
        Path kb = kb(options);
        List<DeskId> desks = new ArrayList<>();
        if (options.containsKey("--desk")) {
            desks.add(DeskId.of(options.get("--desk")));
        } else {
            try (Stream<Path> listing = Files.list(kb)) {
                listing.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(name -> {
                    try {
                        desks.add(DeskId.of(name));
                    } catch (IllegalArgumentException e) {
                        err.println("faq-index: skipping folder '" + name + "': not a desk id");
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (desks.isEmpty()) {
            err.println("faq-index: no desk folders in " + kb);
            return UNUSABLE_INPUT;
        }
        int code = OK;
        try (LuceneHelpCenter helpCenter = new LuceneHelpCenter()) {
            for (DeskId desk : desks) {
                Path deskDir = kb.resolve(desk.value());
                if (!Files.isDirectory(deskDir)) {
                    err.println("faq-index: no folder for desk " + desk + " in " + kb);
                    code = UNUSABLE_INPUT;
                    continue;
                }
                long start = System.nanoTime();
                ArticleSet set = helpCenter.load(desk, deskDir);
                report(set);
                err.printf("desk %s: %d articles indexed, %d skipped, %d ms%n", desk, set.articles().size(),
                        set.problems().size(), (System.nanoTime() - start) / 1_000_000);
                if (set.articles().isEmpty()) {
                    code = UNUSABLE_INPUT;
                }
            }
        }
        return code;
    }

    private void report(ArticleSet set) {
        for (Problem problem : set.problems()) {
            err.println("problem: " + problem);
        }
    }

    /** Arguments that are well-formed but point at nothing usable. */
    private static final class UnusableInput extends RuntimeException {
        UnusableInput(String message) {
            super(message);
        }
    }

    private static Path kb(Map<String, String> options) {
        String kb = options.get("--kb");
        if (kb == null) {
            throw new IllegalArgumentException("missing --kb <dir>");
        }
        Path path = Path.of(kb);
        if (!Files.isDirectory(path)) {
            throw new UnusableInput("--kb " + kb + " is not a directory");
        }
        return path;
    }
}
