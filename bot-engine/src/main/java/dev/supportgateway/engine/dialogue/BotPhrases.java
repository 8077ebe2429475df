package dev.supportgateway.engine.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts the bot and the gateway say to customers, read from {@code bot-phrases.properties} (Russian)
 * so that wording changes need no code change. Placeholders are written {@code {name}}.
 */
public final class BotPhrases {

    private static final String RESOURCE = "bot-phrases.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private final Properties texts;
    /**
     * Phrases without values, made once: a label or reason said with every reply is then one string, not a copy per
     * message in every transcript the gateway keeps in memory.
     */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    private BotPhrases(Properties texts) {
        this.texts = texts;
    }

    /** The built-in Russian phrases. */
    public static BotPhrases russian() {
        try (InputStream in = BotPhrases.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, () -> "missing resource " + RESOURCE);
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new BotPhrases(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** These phrases with some replaced (a desk's own wording, UTF-8 properties); keys not given keep the built-in text. */
    public BotPhrases overriddenBy(InputStream utf8Properties) throws IOException {
        Properties own = new Properties(texts);
        own.load(new InputStreamReader(utf8Properties, StandardCharsets.UTF_8));
        return new BotPhrases(own);
    }

    /** The text under {@code key} with its placeholders filled; an unknown key is a programming error. */
    public String text(String key, Map<String, String> values) {
        String template = texts.getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no bot phrase '" + key + "'");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    public String text(String key) {
        return plain.computeIfAbsent(key, k -> text(k, Map.of()));
    }

    public String text(String key, String name, String value) {
        return text(key, Map.of(name, value));
    }
}
