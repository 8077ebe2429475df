package dev.supportgateway.engine.escalation;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.IdentityField;
import java.util.List;

/** Checks one identification value a customer typed (ИНН, ИИН, БИН, e-mail…); routing implements the rules. */
public interface IdentityCheck {

    /**
     * The problems of {@code value} for {@code field}, each a Russian sentence the bot can show the
     * customer as is («ИИН состоит из 12 цифр»); empty when the value is acceptable. Problems must not
     * repeat the value: it is personal data.
     */
    List<String> problems(DeskId desk, IdentityField field, String value);
}
