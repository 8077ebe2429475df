package dev.supportgateway.routing.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.desk.DeskId;
import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void aNumberIsTheDeskInCapitalsTheYearAndASixDigitSequence() {
        assertThat(TicketNumber.of(DeskId.of("edoc"), 2026, 123)).hasToString("EDOC-2026-000123");
        assertThat(TicketNumber.of(DeskId.of("edoc"), 2026, 1_234_567)).hasToString("EDOC-2026-1234567");
    }

    @Test
    void aNumberReadsBackAsTypedInAnyCase() {
        TicketNumber number = TicketNumber.parse("  edoc-2026-000123 ");

        assertThat(number).isEqualTo(new TicketNumber("EDOC", 2026, 123));
        assertThat(number.desk()).isEqualTo(DeskId.of("edoc"));
    }

    @Test
    void aDeskIdWithDashesKeepsThem() {
        TicketNumber number = TicketNumber.of(DeskId.of("e-order"), 2026, 7);

        assertThat(TicketNumber.parse(number.toString())).isEqualTo(number);
        assertThat(number.desk()).isEqualTo(DeskId.of("e-order"));
    }

    @Test
    void somethingElseIsNotATicketNumber() {
        assertThatThrownBy(() -> TicketNumber.parse("EDOC-26-000123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketNumber.parse("EDOC-2026-123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketNumber.parse("EDOC-2026-000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersOfADeskSortByYearThenSequence() {
        assertThat(TicketNumber.parse("EDOC-2026-000010")).isLessThan(TicketNumber.parse("EDOC-2027-000001"));
        assertThat(TicketNumber.parse("EDOC-2026-000002")).isLessThan(TicketNumber.parse("EDOC-2026-000010"));
    }
}
