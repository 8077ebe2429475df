package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON text of columns that hold a list or a map read whole. Written from explicit maps, not by
 * mapping the records, so that renaming a record component does not change what is stored.
 */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> TEXT_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    static String ofMap(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    /** The map in the order it was written. */
    static Map<String, String> map(String json) {
        return JSON.readValue(json, TEXT_MAP);
    }

    static String ofTexts(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    static List<String> texts(String json) {
        return JSON.readValue(json, TEXTS);
    }

    /** One transcript entry as a JSON object; a batch of them is stored as an array (see {@link #array}). */
    static String ofMessage(Message m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id().value());
        o.put("authorKind", m.author().kind().name());
        o.put("authorId", m.author().id());
        o.put("authorName", m.author().displayName());
        o.put("text", m.text());
        o.put("actions", m.actions().stream().map(JsonColumns::action).toList());
        o.put("link", m.link());
        o.put("attachments", m.attachments().stream().map(JsonColumns::attachment).toList());
        o.put("externalId", m.externalId());
        o.put("actionId", m.actionId());
        o.put("inReplyTo", m.inReplyTo() == null ? null : m.inReplyTo().value());
        o.put("at", m.at().toString());
        return JSON.writeValueAsString(o);
    }

    static List<Message> messages(String array) {
        return JSON.readValue(array, OBJECTS).stream().map(o -> {
            String inReplyTo = (String) o.get("inReplyTo");
            return new Message(MessageId.of((String) o.get("id")),
                    new Author(AuthorKind.valueOf((String) o.get("authorKind")), (String) o.get("authorId"),
                            (String) o.get("authorName")),
                    (String) o.get("text"), objects(o.get("actions")).stream().map(JsonColumns::action).toList(),
                    (String) o.get("link"), objects(o.get("attachments")).stream().map(JsonColumns::attachment).toList(),
                    (String) o.get("externalId"), (String) o.get("actionId"), inReplyTo == null ? null : MessageId.of(inReplyTo),
                    Instant.parse((String) o.get("at")));
        }).toList();
    }

    static String ofDecision(BotDecision d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("message", d.message() == null ? null : d.message().value());
        o.put("rule", d.rule().name());
        o.put("reason", d.reason());
        o.put("confidence", Double.isNaN(d.confidence()) ? null : d.confidence());
        o.put("article", d.article());
        o.put("candidates", d.candidates());
        o.put("at", d.at().toString());
        return JSON.writeValueAsString(o);
    }

    @SuppressWarnings("unchecked")
    static List<BotDecision> decisions(String array) {
        return JSON.readValue(array, OBJECTS).stream().map(o -> {
            String message = (String) o.get("message");
            Number confidence = (Number) o.get("confidence");
            return new BotDecision(message == null ? null : MessageId.of(message), DecisionRule.valueOf((String) o.get("rule")),
                    (String) o.get("reason"), confidence == null ? Double.NaN : confidence.doubleValue(),
                    (String) o.get("article"), List.copyOf((List<String>) o.get("candidates")), Instant.parse((String) o.get("at")));
        }).toList();
    }

    static String ofFeedback(Feedback f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("answer", f.answer().value());
        o.put("article", f.article());
        o.put("helped", f.helped());
        o.put("at", f.at().toString());
        return JSON.writeValueAsString(o);
    }

    static List<Feedback> feedback(String array) {
        return JSON.readValue(array, OBJECTS).stream()
                .map(o -> new Feedback(MessageId.of((String) o.get("answer")), (String) o.get("article"),
                        (Boolean) o.get("helped"), Instant.parse((String) o.get("at"))))
                .toList();
    }

    /** Actions as the transcript rows of schema versions before 4 stored them. */
    static List<Action> actions(String json) {
        return JSON.readValue(json, OBJECTS).stream().map(JsonColumns::action).toList();
    }

    /** Attachments as the transcript rows of schema versions before 4 stored them. */
    static List<Attachment> attachments(String json) {
        return JSON.readValue(json, OBJECTS).stream().map(JsonColumns::attachment).toList();
    }

    /** The JSON array of entries already written as JSON objects. */
    static String array(List<String> objects) {
        return "[" + String.join(",", objects) + "]";
    }

    private static Map<String, Object> action(Action a) {
        return Map.of("id", a.id(), "label", a.label());
    }

    private static Action action(Map<String, Object> m) {
        return new Action((String) m.get("id"), (String) m.get("label"));
    }

    private static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("mediaType", a.mediaType());
        m.put("size", a.size());
        m.put("storageRef", a.storageRef());
        return m;
    }

    private static Attachment attachment(Map<String, Object> m) {
        return new Attachment((String) m.get("name"), (String) m.get("mediaType"), ((Number) m.get("size")).longValue(),
                (String) m.get("storageRef"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object list) {
        return list == null ? new ArrayList<>() : (List<Map<String, Object>>) list;
    }
}
