package dev.supportgateway.infra.desk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One YAML mapping being read by hand, with its path in the file ({@code sla[2]}) and the keys it
 * allows. Every wrong thing is recorded in {@link Problems} and reading goes on, so one pass finds all.
 */
final class YamlSection {

    private final Problems problems;
    private final String path;
    private final Map<String, Object> values;

    private YamlSection(Problems problems, String path, Map<String, Object> values) {
        this.problems = problems;
        this.path = path;
        this.values = values;
    }

    /** Reads {@code value} as a mapping with only {@code allowedKeys}; anything else is a problem (and an empty section). */
    static YamlSection of(Problems problems, String path, Object value, Set<String> allowedKeys) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path, "expected a mapping of " + sorted(allowedKeys) + ", got " + describe(value));
            return new YamlSection(problems, path, Map.of());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!allowedKeys.contains(key)) {
                problems.add(join(path, key), "unknown key '" + key + "', expected one of " + sorted(allowedKeys));
            } else {
                values.put(key, v);
            }
        });
        return new YamlSection(problems, path, values);
    }

    String path() {
        return path;
    }

    String path(String key) {
        return join(path, key);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** A required text value. */
    String requiredString(String key) {
        Object v = values.get(key);
        if (v == null) {
            problems.add(path(key), "is required");
            return null;
        }
        return asString(path(key), v);
    }

    String string(String key, String defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String s = asString(path(key), v);
        return s == null ? defaultValue : s;
    }

    boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add(path(key), "expected true or false, got " + describe(v));
        return defaultValue;
    }

    int integer(String key, int defaultValue, int min) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Integer i) {
            if (i < min) {
                problems.add(path(key), "must be at least " + min + ", got " + i);
                return defaultValue;
            }
            return i;
        }
        problems.add(path(key), "expected a whole number, got " + describe(v));
        return defaultValue;
    }

    /** A text or a list of texts (a single text is a list of one). */
    List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String s = asString(path(key) + "[" + i + "]", list.get(i));
                if (s != null) {
                    result.add(s);
                }
            }
            return result;
        }
        String s = asString(path(key), v);
        return s == null ? List.of() : List.of(s);
    }

    /** A nested mapping, or empty when the key is absent. */
    Optional<YamlSection> section(String key, Set<String> allowedKeys) {
        Object v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(of(problems, path(key), v, allowedKeys));
    }

    /** A list of mappings, each read as a section with its index in the path. */
    List<YamlSection> sections(String key, Set<String> allowedKeys) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.add(path(key), "expected a list, got " + describe(v));
            return List.of();
        }
        List<YamlSection> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            result.add(of(problems, path(key) + "[" + i + "]", list.get(i), allowedKeys));
        }
        return result;
    }

    /** Converts a text value, recording the converter's IllegalArgumentException message as the problem. */
    <T> T parse(String key, Function<String, T> converter) {
        String s = string(key, null);
        return s == null ? null : convert(path(key), s, converter);
    }

    <T> T convert(String at, String text, Function<String, T> converter) {
        try {
            return converter.apply(text);
        } catch (RuntimeException e) {
            problems.add(at, e.getMessage() == null ? "cannot read '" + text + "'" : e.getMessage());
            return null;
        }
    }

    String asString(String at, Object v) {
        if (v instanceof String s) {
            if (s.isBlank()) {
                problems.add(at, "must not be empty");
                return null;
            }
            return s.strip();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v instanceof BigDecimal d ? d.toPlainString() : v);
        }
        problems.add(at, "expected a text, got " + describe(v));
        return null;
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
