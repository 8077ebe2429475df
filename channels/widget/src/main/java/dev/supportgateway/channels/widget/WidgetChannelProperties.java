package dev.supportgateway.channels.widget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the website widget channel ({@code gateway.widget.*}), validated at start-up.
 *
 * @param desks              per desk (by id): the origins of the sites that may embed the widget; pages served by
 *                           the gateway itself (same origin) are always allowed
 * @param maxTextLength      the longest message a customer may type, in characters
 * @param maxFrameBytes      the largest JSON frame accepted, in bytes (UTF-8)
 * @param rateLimit          how many messages a session may send in a row, and how fast it may continue
 * @param redeliveryWindow   how long an unacknowledged message is kept in memory for redelivery (the store keeps
 *                           the transcript for longer)
 * @param socketBufferChars  the text buffer every open socket holds; longer frames arrive in parts and are
 *                           collected up to {@code maxFrameBytes}, so this only trades memory per idle socket
 *                           against work for long frames
 * @param socketIoBufferBytes each open socket's read and write buffers in the web server (all connections, since
 *                           the widget's are the ones kept open by the thousand); longer frames pass in parts
 * @param unavailableRetry   how long the widget waits before it sends again a message the gateway could not take
 *                           (the store failed or is too far behind); the widget doubles it on each further refusal
 * @param maxAttachmentSize  the largest file a customer may send with a message
 * @param attachmentTypes    the file name extensions a customer may send (screenshots, documents, logs, archives)
 * @param closedChatShownFor how long after its closing a chat is still shown when the customer opens the widget (with
 *                           no chat open): its answer, its files, and the rating it asks for stay in reach
 */
@Validated
@ConfigurationProperties("gateway.widget")
public record WidgetChannelProperties(
        @NotNull @DefaultValue Map<String, @Valid DeskWidget> desks,
        @Min(1) @Max(20_000) @DefaultValue("2000") int maxTextLength,
        @Min(256) @Max(65_536) @DefaultValue("16384") int maxFrameBytes,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @NotNull @DefaultValue("10m") Duration redeliveryWindow,
        @Min(128) @Max(65_536) @DefaultValue("1024") int socketBufferChars,
        @Min(512) @Max(65_536) @DefaultValue("2048") int socketIoBufferBytes,
        @NotNull @DefaultValue("20s") Duration unavailableRetry,
        @NotNull @DefaultValue("10MB") DataSize maxAttachmentSize,
        @NotNull @DefaultValue({"png", "jpg", "jpeg", "gif", "webp", "bmp", "heic", "pdf", "txt", "log", "csv", "xml", "json",
                "doc", "docx", "xls", "xlsx", "odt", "ods", "rtf", "zip", "7z", "rar", "cer", "crt", "sig", "p7s"})
        List<String> attachmentTypes,
        @NotNull @DefaultValue("7d") Duration closedChatShownFor) {

    /** One desk's widget settings. */
    public record DeskWidget(@NotNull @DefaultValue List<String> allowedOrigins) {
    }

    /** A token bucket: {@code burst} messages at once, then one more every {@code 60 / perMinute} seconds. */
    public record RateLimit(@Min(1) @Max(1000) @DefaultValue("6") int burst,
                            @Min(1) @Max(6000) @DefaultValue("20") int perMinute) {
    }

    List<String> allowedOrigins(String desk) {
        DeskWidget settings = desks.get(desk);
        return settings == null ? List.of() : settings.allowedOrigins();
    }
}
