package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
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

    static String ofActions(List<Action> actions) {
        return JSON.writeValueAsString(actions.stream().map(a -> Map.of("id", a.id(), "label", a.label())).toList());
    }

    static List<Action> actions(String json) {
        return JSON.readValue(json, OBJECTS).stream()
                .map(m -> new Action((String) m.get("id"), (String) m.get("label")))
                .toList();
    }

    static String ofAttachments(List<Attachment> attachments) {
        return JSON.writeValueAsString(attachments.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("mediaType", a.mediaType());
            m.put("size", a.size());
            m.put("storageRef", a.storageRef());
            return m;
        }).toList());
    }

    static List<Attachment> attachments(String json) {
        return JSON.readValue(json, OBJECTS).stream()
                .map(m -> new Attachment((String) m.get("name"), (String) m.get("mediaType"),
                        ((Number) m.get("size")).longValue(), (String) m.get("storageRef")))
                .toList();
    }
}
