package dev.supportgateway.infra.desk;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.routing.calendar.ProductionCalendar;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a {@code desks/} folder: {@code <id>/desk.yml} with its {@code articles/} folder for each desk,
 * and {@code calendars/<id>.yml} for the production calendars. All problems of all files are
 * collected and thrown together as one {@link DeskConfigurationException}, so a start-up fails once
 * with the whole list. See {@code desks/README.md} for the format.
 */
public final class DeskFiles {

    /** The folder of production calendars inside the desks folder (not a desk). */
    public static final String CALENDARS = "calendars";
    public static final String DESK_FILE = "desk.yml";

    private DeskFiles() {
    }

    /** Loads and checks every desk and calendar under {@code desksDir}. */
    public static DeskCatalog load(Path desksDir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(desksDir)) {
            throw new DeskConfigurationException(List.of(desksDir + ": the desks folder does not exist"));
        }
        Map<String, ProductionCalendar> calendars = loadCalendars(desksDir, problems);
        Map<DeskId, Desk> desks = new HashMap<>();
        Map<DeskId, Path> articleFolders = new HashMap<>();
        for (Path deskDir : list(desksDir, problems)) {
            if (!Files.isDirectory(deskDir) || deskDir.getFileName().toString().equals(CALENDARS)
                    || deskDir.getFileName().toString().startsWith(".")) {
                continue;
            }
            Path file = deskDir.resolve(DESK_FILE);
            Problems fileProblems = new Problems(label(desksDir, file));
            if (!Files.isRegularFile(file)) {
                fileProblems.add("", "missing: every folder of the desks folder is a desk and needs a " + DESK_FILE);
            } else {
                Object document = parse(file, fileProblems);
                if (document != null) {
                    Desk desk = new DeskReader(fileProblems, deskDir, calendars.keySet()).read(document);
                    if (desk != null && desks.putIfAbsent(desk.id(), desk) != null) {
                        fileProblems.add("id", "duplicate desk id '" + desk.id() + "'");
                    } else if (desk != null) {
                        articleFolders.put(desk.id(), deskDir.resolve(desk.helpCenter().articles()).toAbsolutePath().normalize());
                    }
                }
            }
            problems.addAll(fileProblems.all());
        }
        if (problems.isEmpty() && desks.isEmpty()) {
            problems.add(desksDir + ": no desks: expected folders <id>/" + DESK_FILE);
        }
        if (!problems.isEmpty()) {
            throw new DeskConfigurationException(problems);
        }
        return new DeskCatalog(desks, articleFolders, calendars);
    }

    private static Map<String, ProductionCalendar> loadCalendars(Path desksDir, List<String> problems) {
        Map<String, ProductionCalendar> calendars = new HashMap<>();
        Path dir = desksDir.resolve(CALENDARS);
        if (!Files.isDirectory(dir)) {
            return calendars;
        }
        for (Path file : list(dir, problems)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".yml")) {
                continue;
            }
            String id = name.substring(0, name.length() - ".yml".length());
            Problems fileProblems = new Problems(label(desksDir, file));
            Object document = parse(file, fileProblems);
            if (document != null) {
                ProductionCalendar calendar = new CalendarReader(fileProblems, id).read(document);
                if (calendar != null) {
                    calendars.put(id, calendar);
                }
            }
            problems.addAll(fileProblems.all());
        }
        return calendars;
    }

    private static Object parse(Path file, Problems problems) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object document = yaml().load(reader);
            if (document == null) {
                problems.add("", "the file is empty");
            }
            return document;
        } catch (YAMLException e) {
            problems.add("", "not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        } catch (IOException e) {
            problems.add("", "cannot be read: " + e.getMessage());
        }
        return null;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(1 << 20);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new StrictResolver());
    }

    private static List<Path> list(Path dir, List<String> problems) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            problems.add(dir + ": cannot be listed: " + e.getMessage());
            return List.of();
        }
    }

    /** {@code desks/edoc/desk.yml}: the path as an administrator finds it, from the desks folder's name. */
    private static String label(Path desksDir, Path file) {
        Path name = desksDir.toAbsolutePath().normalize().getFileName();
        Path relative = desksDir.relativize(file);
        return (name == null ? relative : name.resolve(relative)).toString().replace('\\', '/');
    }
}
