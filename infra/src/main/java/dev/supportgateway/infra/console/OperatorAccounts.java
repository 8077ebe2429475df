package dev.supportgateway.infra.console;

import dev.supportgateway.infra.config.Secret;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operators who may log into the console ({@code gateway.operators[i].*}) and the demo operator
 * ({@code gateway.demo-operator.*}), validated at start-up.
 */
@Validated
@ConfigurationProperties("gateway")
public record OperatorAccounts(@NotNull @DefaultValue List<@Valid Account> operators,
                               @Valid @NotNull @DefaultValue DemoOperator demoOperator) {

    /**
     * One operator: {@code passwordHash} is a BCrypt hash ({@code $2a$…}/{@code $2b$…}); {@code desks} lists desk ids or
     * {@code *} for all; a supervisor also sees flagged conversations.
     */
    public record Account(@NotBlank String username, String displayName, @NotNull Secret passwordHash,
                          @NotEmpty @DefaultValue("*") List<String> desks, boolean supervisor) {
    }

    /** A ready-to-use operator for demos; its plain password is hashed at start-up. Disable it in production. */
    public record DemoOperator(@DefaultValue("true") boolean enabled,
                               @NotBlank @DefaultValue("operator") String username,
                               @DefaultValue("Алия Демо") String displayName,
                               @NotNull @DefaultValue("operator") Secret password,
                               @NotEmpty @DefaultValue("*") List<String> desks,
                               @DefaultValue("true") boolean supervisor) {
        static final String DEFAULT_PASSWORD = "operator";
    }
}
