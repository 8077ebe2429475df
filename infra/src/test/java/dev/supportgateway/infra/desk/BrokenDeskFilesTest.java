package dev.supportgateway.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken desk folders in src/test/resources/desks-broken: every problem names its file and field. */
class BrokenDeskFilesTest {

    @Test
    void everyMistakeOfAFileIsReportedWithFileFieldAndReason() {
        List<String> problems = problemsOf("many-mistakes");

        assertThat(problems).contains(
                "many-mistakes/edoc/desk.yml: sla[2].first-reply: expected a time limit like '15 minutes', '2 business hours' or '1 business day', got 'soon'",
                "many-mistakes/edoc/desk.yml: time-zone: unknown time zone 'Asia/Astana-Nur-Sultan', expected a region id like Europe/Moscow or Asia/Almaty",
                "many-mistakes/edoc/desk.yml: colour: unknown key 'colour', expected one of [calendar, categories, channels, closing, conduct, help-center, hours, id, identification, locale, name, priorities, ready-replies, scope, service-reports, silence, sla, sla-extension, tiers, time-zone]",
                "many-mistakes/edoc/desk.yml: hours.mon-fri: expected an interval like '09:00-18:00' that ends after it starts, got '18:00-09:00'",
                "many-mistakes/edoc/desk.yml: channels[0].recommended: expected true or false, got 'yes'",
                "many-mistakes/edoc/desk.yml: channels[1].tiers[0]: unknown tier 'platinum', expected one of [basic, vip]",
                "many-mistakes/edoc/desk.yml: sla[3].category: unknown category 'error', expected one of [consultation]",
                "many-mistakes/edoc/desk.yml: silence.reason: is required");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("many-mistakes/edoc/desk.yml: channels[2].kind: unknown channel 'pigeon'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("many-mistakes/edoc/desk.yml: sla[3].channel[0]: channel 'email' is not among the desk's channels"));
        assertThat(problems).hasSize(10);
    }

    @Test
    void deskIdMustMatchItsFolderAndTheArticlesFolderMustExist() {
        assertThat(problemsOf("wrong-folder")).containsExactly(
                "wrong-folder/helpdesk/desk.yml: id: desk id 'edoc' must equal its folder name 'helpdesk'",
                "wrong-folder/helpdesk/desk.yml: help-center.articles: folder 'articles' does not exist next to desk.yml");
    }

    @Test
    void calendarMistakesAndReferencesToUnknownThingsAreReported() {
        List<String> problems = problemsOf("bad-calendar");

        assertThat(problems).contains(
                "bad-calendar/calendars/ru.yml: days-off[1]: expected a date like 2026-01-08 (or a range 2026-01-01..2026-01-11), got '2026-02-30'",
                "bad-calendar/calendars/ru.yml: days-off[2]: 2025-12-31 is outside the calendar's years [2026]",
                "bad-calendar/calendars/ru.yml: shortened-days[0].by: expected a duration like '1 hour' or '30 minutes', got 'a bit'",
                "bad-calendar/konus/desk.yml: calendar: unknown production calendar 'russia', expected one of [] (files in desks/calendars/)");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bad-calendar/konus/desk.yml: hours: intervals of MONDAY overlap"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("bad-calendar/konus/desk.yml: identification.fields[0].kind: unknown identity kind 'passport'"));
    }

    @Test
    void aReadyReplyNeedsATitleATextAndOnlyTheKnownPlaceholders() {
        assertThat(problemsOf("bad-ready-replies")).containsExactlyInAnyOrder(
                "bad-ready-replies/edoc/desk.yml: ready-replies[1].text: ready reply 'ticket' uses {номер}; a ready reply may use [{operator}, {ticket}]",
                "bad-ready-replies/edoc/desk.yml: ready-replies[3].title: is required",
                "bad-ready-replies/edoc/desk.yml: ready-replies[4].text: must not be empty",
                "bad-ready-replies/edoc/desk.yml: ready-replies: duplicate id 'greeting'");
    }

    @Test
    void aDuplicateKeyIsAYamlProblemOfTheFile() {
        List<String> problems = problemsOf("not-yaml");

        assertThat(problems).singleElement().asString()
                .startsWith("not-yaml/atlas/desk.yml: not valid YAML:")
                .contains("duplicate key name");
    }

    @Test
    void theExceptionMessageListsAllProblemsForTheStartUpLog() {
        DeskConfigurationException e = catchThrowableOfType(DeskConfigurationException.class, () -> DeskFiles.load(fixture("many-mistakes")));

        assertThat(e.getMessage()).startsWith("10 problems in the desk configuration:").contains("sla[2].first-reply");
    }

    private static List<String> problemsOf(String name) {
        DeskConfigurationException e = catchThrowableOfType(DeskConfigurationException.class, () -> DeskFiles.load(fixture(name)));
        assertThat(e).as("loading %s must fail", name).isNotNull();
        return e.problems();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(BrokenDeskFilesTest.class.getResource("/desks-broken/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
