package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.escalation.IdentityCheck;
import dev.supportgateway.routing.identity.IdentityFieldValidator;
import java.util.List;

/** The engine's {@link IdentityCheck} on routing's validators (checksums of ИНН, ИИН, БИН, ОГРН, СНИЛС…). */
final class DeskIdentityCheck implements IdentityCheck {

    private final IdentityFieldValidator validator = new IdentityFieldValidator();

    @Override
    public List<String> problems(DeskId desk, IdentityField field, String value) {
        if (value == null || value.isBlank()) {
            return field.required() ? List.of("Укажите: " + field.label()) : List.of();
        }
        return validator.problem(field, value).stream().toList();
    }
}
