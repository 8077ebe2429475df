package dev.supportgateway.routing.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.routing.RegulationDesks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final BusinessCalendar EORDER = calendar(RegulationDesks.eorder(), RegulationDesks.russia2026());
    private static final BusinessCalendar KONUS = calendar(RegulationDesks.konus(), RegulationDesks.russia2026());
    private static final BusinessCalendar INITIATIVA = calendar(RegulationDesks.initiativa(), RegulationDesks.russia2026());
    private static final BusinessCalendar EDOC = calendar(RegulationDesks.edoc(), RegulationDesks.kazakhstan2026());

    @Test
    void konusLunchBreakDoesNotCountAsWorkingTime() {
        Instant beforeLunch = at(KONUS, "2026-04-06T11:30");

        assertThat(KONUS.plus(beforeLunch, SlaTarget.parse("1 business hour"))).isEqualTo(at(KONUS, "2026-04-06T13:30"));
        assertThat(KONUS.isOpen(at(KONUS, "2026-04-06T12:30"))).isFalse();
        assertThat(KONUS.nextOpening(at(KONUS, "2026-04-06T12:30"))).isEqualTo(at(KONUS, "2026-04-06T13:00"));
        assertThat(KONUS.workingTimeBetween(at(KONUS, "2026-04-06T11:00"), at(KONUS, "2026-04-06T14:00"))).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void konusWorksInUlanUdeTimeWhichIsUtcPlusEight() {
        assertThat(KONUS.isOpen(Instant.parse("2026-04-06T00:30:00Z"))).isTrue();   // 08:30 in Ulan-Ude
        assertThat(KONUS.isOpen(Instant.parse("2026-04-06T00:29:00Z"))).isFalse();
    }

    @Test
    void initiativaHasNoLunchBreak() {
        assertThat(INITIATIVA.isOpen(at(INITIATIVA, "2026-04-06T12:30"))).isTrue();
        assertThat(INITIATIVA.plus(at(INITIATIVA, "2026-04-06T11:30"), SlaTarget.parse("2 business hours")))
                .isEqualTo(at(INITIATIVA, "2026-04-06T13:30"));
    }

    @Test
    void requestArrivingOnSaturdayStartsCountingOnMonday() {
        Instant saturday = at(EORDER, "2026-04-04T12:00");

        assertThat(EORDER.nextOpening(saturday)).isEqualTo(at(EORDER, "2026-04-06T09:30"));
        assertThat(EORDER.plus(saturday, SlaTarget.parse("2 business hours"))).isEqualTo(at(EORDER, "2026-04-06T11:30"));
        assertThat(EORDER.plus(saturday, SlaTarget.parse("1 business day"))).isEqualTo(at(EORDER, "2026-04-06T18:30"));
    }

    @Test
    void eorderRequestSolvedWithinSixteenBusinessHoursSkipsMayHolidays() {
        // Apr 30 is a shortened day (until 17:30): 2.5 h; May 1-3 off; May 4: 9 h; May 5: the remaining 4.5 h
        Instant thursdayBeforeMayDay = at(EORDER, "2026-04-30T15:00");

        assertThat(EORDER.plus(thursdayBeforeMayDay, SlaTarget.parse("16 business hours"))).isEqualTo(at(EORDER, "2026-05-05T14:00"));
    }

    @Test
    void preHolidayDayEndsAnHourEarlier() {
        assertThat(EORDER.isOpen(at(EORDER, "2026-11-03T17:45"))).isFalse();
        assertThat(EORDER.isOpen(at(EORDER, "2026-11-02T17:45"))).isTrue();
        assertThat(EORDER.isOpen(at(EORDER, "2026-11-04T12:00"))).as("Unity Day").isFalse();
    }

    @Test
    void januaryHolidaysLastUntilTheEleventh() {
        assertThat(EORDER.nextOpening(at(EORDER, "2026-12-30T19:00")))
                .as("Dec 31 is off; 2027 is outside the calendar's years, so only the weekly hours apply")
                .isEqualTo(at(EORDER, "2027-01-01T09:30"));
        assertThat(EORDER.nextOpening(at(EORDER, "2026-01-01T10:00"))).isEqualTo(at(EORDER, "2026-01-12T09:30"));
    }

    @Test
    void aBusinessDayStartedDuringWorkEndsAtTheSameTimeOnTheNextWorkingDay() {
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T10:00"), SlaTarget.parse("1 business day"))).isEqualTo(at(EDOC, "2026-04-07T10:00"));
        assertThat(EDOC.plus(at(EDOC, "2026-04-10T17:00"), SlaTarget.parse("1 business day"))).isEqualTo(at(EDOC, "2026-04-13T17:00"));
    }

    @Test
    void aBusinessDayStartedBeforeOpeningEndsAtClosingTheSameDay() {
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T07:45"), SlaTarget.parse("1 business day"))).isEqualTo(at(EDOC, "2026-04-06T18:00"));
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T19:00"), SlaTarget.parse("2 business days"))).isEqualTo(at(EDOC, "2026-04-08T18:00"));
    }

    @Test
    void edocBusinessDaysSkipNauryz() {
        // Nauryz 2026: Mar 21-23 plus the two weekend days moved to Mar 24-25
        assertThat(EDOC.plus(at(EDOC, "2026-03-20T16:00"), SlaTarget.parse("2 business days"))).isEqualTo(at(EDOC, "2026-03-27T16:00"));
    }

    @Test
    void edocWorksInAstanaTimeWhichIsUtcPlusFive() {
        assertThat(EDOC.isOpen(Instant.parse("2026-04-06T04:00:00Z"))).isTrue();    // 09:00 in Astana
        assertThat(EDOC.isOpen(Instant.parse("2026-04-06T03:59:00Z"))).isFalse();
    }

    @Test
    void minutesAreClockTimeCountedFromTheNextOpening() {
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T10:00"), SlaTarget.parse("15 minutes"))).isEqualTo(at(EDOC, "2026-04-06T10:15"));
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T22:00"), SlaTarget.parse("15 minutes"))).isEqualTo(at(EDOC, "2026-04-07T09:15"));
    }

    @Test
    void aLimitEndingAtClosingEndsAtClosing() {
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T17:00"), SlaTarget.parse("1 business hour"))).isEqualTo(at(EDOC, "2026-04-06T18:00"));
        assertThat(EDOC.plus(at(EDOC, "2026-04-06T17:00"), SlaTarget.parse("0.5 business hours"))).isEqualTo(at(EDOC, "2026-04-06T17:30"));
    }

    @Test
    void workingTimeBetweenSkipsTheWeekend() {
        assertThat(EORDER.workingTimeBetween(at(EORDER, "2026-04-03T17:30"), at(EORDER, "2026-04-06T10:30"))).isEqualTo(Duration.ofHours(2));
        assertThat(EORDER.workingTimeBetween(at(EORDER, "2026-04-06T10:30"), at(EORDER, "2026-04-03T17:30"))).isZero();
    }

    @Test
    void aroundTheClockDeskCountsClockTime() {
        BusinessCalendar always = new BusinessCalendar(WorkingHours.ALWAYS, ZoneId.of("Europe/Moscow"), null);
        Instant saturdayNight = Instant.parse("2026-04-04T21:00:00Z");

        assertThat(always.isOpen(saturdayNight)).isTrue();
        assertThat(always.plus(saturdayNight, SlaTarget.parse("2 business hours"))).isEqualTo(Instant.parse("2026-04-04T23:00:00Z"));
    }

    private static BusinessCalendar calendar(Desk desk, ProductionCalendar production) {
        return BusinessCalendar.of(desk, production);
    }

    private static Instant at(BusinessCalendar calendar, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
    }
}
