package dev.supportgateway.channels.widget;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.Outbound;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The mapper between the widget's JSON frames (PROTOCOL.md) and the engine's types. */
final class WidgetFrames {

    /** Everything a client frame may carry; which fields matter depends on {@code type}. */
    record ClientFrame(String type, String desk, String token, String lastId, String clientId, String text,
                       String actionId, String upTo) {
    }

    /** A transcript message as the widget shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageFrame(String type, String id, String author, String authorName, String text,
                        List<ActionFrame> actions, String link, String at, String clientId, List<FileFrame> files) {
    }

    /**
     * A file sent with a message; {@code ref} names it for the widget's download ({@code POST /api/v1/widget/files/{ref}}),
     * {@code type} is the media type its sender gave, by which the widget shows a picture.
     */
    record FileFrame(String name, long size, String ref, String type) {
    }

    record ActionFrame(String id, String label) {
    }

    /**
     * @param operators whether the desk's operators work now and their schedule in words; absent when unknown
     * @param files     what files the widget may send, so that it refuses others before uploading them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WelcomeFrame(String type, String token, String desk, List<MessageFrame> messages, OperatorsFrame operators,
                        FileLimitsFrame files) {
    }

    record FileLimitsFrame(long maxBytes, List<String> types) {
    }

    record OperatorsFrame(boolean atWork, String schedule) {
    }

    record AcceptedFrame(String type, String clientId, String id, boolean duplicate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorFrame(String type, String code, String text, Long retryAfterMs) {
    }

    record RateLimitedFrame(String type, String text, long retryAfterMs) {
    }

    /** @param operators the desk's operators now, so a tab left open does not say «на связи» all night; absent when unknown */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PongFrame(String type, OperatorsFrame operators) {
    }

    record TypingFrame(String type, String authorName) {
    }

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The client's frame, or null when it is not a JSON object of the protocol. */
    ClientFrame read(String payload) {
        try {
            ClientFrame frame = json.readValue(payload, ClientFrame.class);
            return frame == null || frame.type() == null ? null : frame;
        } catch (JacksonException e) {
            return null;
        }
    }

    MessageFrame message(Outbound outbound) {
        return new MessageFrame("message", outbound.id().value(), author(outbound.author().kind().name()),
                outbound.author().displayName(), outbound.text(), actions(outbound.actions()), outbound.link(),
                outbound.createdAt().toString(), null, files(outbound.attachments()));
    }

    MessageFrame message(Message message) {
        return new MessageFrame("message", message.id().value(), author(message.author().kind().name()),
                message.author().displayName(), message.text(), actions(message.actions()), message.link(),
                message.at().toString(), message.fromCustomer() ? message.externalId() : null, files(message.attachments()));
    }

    private static List<FileFrame> files(List<Attachment> attachments) {
        return attachments.isEmpty() ? null : attachments.stream().map(a -> new FileFrame(a.name(), a.size(), a.storageRef(), a.mediaType())).toList();
    }

    String write(Object frame) {
        return json.writeValueAsString(frame);
    }

    String welcome(String token, String desk, List<MessageFrame> messages, OperatorsFrame operators, FileLimitsFrame files) {
        return write(new WelcomeFrame("welcome", token, desk, messages, operators, files));
    }

    String accepted(String clientId, String id, boolean duplicate) {
        return write(new AcceptedFrame("accepted", clientId, id, duplicate));
    }

    String error(String code, String text) {
        return write(new ErrorFrame("error", code, text, null));
    }

    /** The message was not taken for now: the client sends it again after {@code retryAfterMs}. */
    String unavailable(long retryAfterMs) {
        return write(new ErrorFrame("error", "unavailable", "Сообщение пока не доставлено. Мы отправим его ещё раз автоматически",
                retryAfterMs));
    }

    String rateLimited(String text, long retryAfterMs) {
        return write(new RateLimitedFrame("rate-limited", text, retryAfterMs));
    }

    String typing(String operatorName) {
        return write(new TypingFrame("typing", operatorName));
    }

    String pong(OperatorsFrame operators) {
        return write(new PongFrame("pong", operators));
    }

    private static String author(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }

    private static List<ActionFrame> actions(List<Action> actions) {
        return actions.stream().map(a -> new ActionFrame(a.id(), a.label())).toList();
    }
}
