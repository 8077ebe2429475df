package dev.supportgateway.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.privacy.PersonalData;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonalDataInRecordsTest {

    @Test
    void maskKeepsEnoughToTellValuesApart() {
        assertThat(PersonalData.mask("900101300123")).isEqualTo("90********23");
        assertThat(PersonalData.mask("ivanov@firm.kz")).isEqualTo("i*****@firm.kz");
        assertThat(PersonalData.mask("+77011234567")).isEqualTo("+7********67");
        assertThat(PersonalData.mask("ab")).isEqualTo("**");
        assertThat(PersonalData.mask(null)).isEqualTo("null");
    }

    @Test
    void recordsThatReachLogsAreMasked() {
        CustomerAddress address = CustomerAddress.of(ChannelKind.EMAIL, "ivanov@firm.kz");
        Inbound inbound = Inbound.text(DeskId.of("edoc"), address, "x-1", "мой ИИН 900101300123", Instant.EPOCH);

        assertThat(address.toString()).isEqualTo("email:i*****@firm.kz");
        assertThat(inbound.toString()).doesNotContain("900101300123").doesNotContain("ivanov");
        assertThat(Message.from(inbound, MessageId.of("m")).toString()).doesNotContain("900101300123");
    }
}
