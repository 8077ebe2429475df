package dev.supportgateway.infra.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The gateway's own settings ({@code gateway.*}), validated at start-up. */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull Path desks,
        @NotNull Path data,
        @Valid @NotNull @DefaultValue HelpCenter helpCenter,
        @NotNull @DefaultValue("5m") Duration silenceRounds,
        @NotNull @DefaultValue("64KB") DataSize maxRequestBody) {

    /** How help centers are kept current and how long a question may be. */
    public record HelpCenter(
            @DefaultValue("true") boolean watchArticles,
            @NotNull @DefaultValue("500ms") Duration reindexDelay,
            @Min(1) @Max(10_000) @DefaultValue("2000") int maxQuestionLength) {
    }
}
