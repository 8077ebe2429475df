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
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON text of columns that hold a list or a map read whole. Written field by field, not by
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
        return object(json -> {
            json.writeStringProperty("id", m.id().value());
            json.writeStringProperty("authorKind", m.author().kind().name());
            json.writeStringProperty("authorId", m.author().id());
            json.writeStringProperty("authorName", m.author().displayName());
            json.writeStringProperty("text", m.text());
            json.writeArrayPropertyStart("actions");
            for (Action action : m.actions()) {
                json.writeStartObject();
                json.writeStringProperty("id", action.id());
                json.writeStringProperty("label", action.label());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringProperty("link", m.link());
            json.writeArrayPropertyStart("attachments");
            for (Attachment attachment : m.attachments()) {
                json.writeStartObject();
                json.writeStringProperty("name", attachment.name());
                json.writeStringProperty("mediaType", attachment.mediaType());
                json.writeNumberProperty("size", attachment.size());
                json.writeStringProperty("storageRef", attachment.storageRef());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringProperty("externalId", m.externalId());
            json.writeStringProperty("actionId", m.actionId());
            json.writeStringProperty("inReplyTo", m.inReplyTo() == null ? null : m.inReplyTo().value());
            json.writeStringProperty("at", m.at().toString());
        });
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
        return object(json -> {
            json.writeStringProperty("message", d.message() == null ? null : d.message().value());
            json.writeStringProperty("rule", d.rule().name());
            json.writeStringProperty("reason", d.reason());
            if (Double.isNaN(d.confidence())) {
                json.writeNullProperty("confidence");
            } else {
                json.writeNumberProperty("confidence", d.confidence());
            }
            json.writeStringProperty("article", d.article());
            json.writeArrayPropertyStart("candidates");
            for (String candidate : d.candidates()) {
                json.writeString(candidate);
            }
            json.writeEndArray();
            json.writeStringProperty("at", d.at().toString());
        });
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
        return object(json -> {
            json.writeStringProperty("answer", f.answer().value());
            json.writeStringProperty("article", f.article());
            json.writeBooleanProperty("helped", f.helped());
            json.writeStringProperty("at", f.at().toString());
            if (f.onService()) {
                json.writeBooleanProperty("service", true);
            }
        });
    }

    static List<Feedback> feedback(String array) {
        return JSON.readValue(array, OBJECTS).stream()
                .map(o -> new Feedback(MessageId.of((String) o.get("answer")), (String) o.get("article"),
                        (Boolean) o.get("helped"), Instant.parse((String) o.get("at")), Boolean.TRUE.equals(o.get("service"))))
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
        // the joiner with the brackets builds the text once; "[" + String.join(…) + "]" built every batch twice
        // (bench/README, "On a quiet host; less garbage per reply")
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (String object : objects) {
            array.add(object);
        }
        return array.toString();
    }

    private static Action action(Map<String, Object> m) {
        return new Action((String) m.get("id"), (String) m.get("label"));
    }

    private static Attachment attachment(Map<String, Object> m) {
        return new Attachment((String) m.get("name"), (String) m.get("mediaType"), ((Number) m.get("size")).longValue(),
                (String) m.get("storageRef"));
    }

    /** A JSON object written field by field, without a map in between: entries are encoded on every save. */
    private static String object(Consumer<JsonGenerator> fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.accept(json);
            json.writeEndObject();
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object list) {
        return list == null ? new ArrayList<>() : (List<Map<String, Object>>) list;
    }
}
