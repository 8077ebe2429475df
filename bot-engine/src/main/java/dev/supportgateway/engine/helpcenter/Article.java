package dev.supportgateway.engine.helpcenter;

import dev.supportgateway.engine.desk.DeskId;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** One help-center («Справочный центр») article: what the bot answers with. */
public record Article(String id, DeskId desk, String title, String section, List<String> tags, String url,
                      List<String> questions, String body) {

    private static final Pattern MARKUP = Pattern.compile("[#*_`>]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(title, "title");
        section = section == null ? "" : section;
        tags = tags == null ? List.of() : List.copyOf(tags);
        questions = questions == null ? List.of() : List.copyOf(questions);
        body = body == null ? "" : body;
    }

    /** The first paragraph of the body, cut at a sentence end near {@code maxChars}: the short answer shown in chat. */
    public String summary(int maxChars) {
        String text = body.strip();
        int paragraphEnd = text.indexOf("\n\n");
        if (paragraphEnd > 0) {
            text = text.substring(0, paragraphEnd);
        }
        text = WHITESPACE.matcher(MARKUP.matcher(text).replaceAll("")).replaceAll(" ").strip();
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(". ", maxChars);
        return cut > maxChars / 3 ? text.substring(0, cut + 1) : text.substring(0, maxChars).strip() + "…";
    }
}
