package dev.supportgateway.engine.dialogue;

import static dev.supportgateway.engine.dialogue.Gateway.actionIds;
import static dev.supportgateway.engine.dialogue.Gateway.said;
import static dev.supportgateway.engine.dialogue.Gateway.widget;
import static dev.supportgateway.engine.dialogue.TestDesks.EDOC;
import static dev.supportgateway.engine.dialogue.TestDesks.EORDER;
import static dev.supportgateway.engine.dialogue.TestDesks.INITIATIVA;
import static dev.supportgateway.engine.dialogue.TestDesks.KONUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Escalation;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.SlaTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialoguePolicyTest {

    private final Gateway gateway = new Gateway();
    private final CustomerAddress customer = widget("session-1");
    private final Operator anna = new Operator("op-anna", "Анна");
    private final Operator boris = new Operator("op-boris", "Борис");

    private static final String EDS_QUESTION = "Как продлить ЭЦП?";

    private void edsArticle(DeskId desk) {
        gateway.article(desk, "eds-renewal", "Как продлить ЭЦП",
                "Продлить ЭЦП можно в личном кабинете НУЦ. Откройте раздел «Сертификаты» и нажмите «Перевыпустить».\n\nПодробности ниже.");
        gateway.helpCenter.answer(EDS_QUESTION, "eds-renewal", 0.91);
    }

    private List<DecisionRule> rules(DeskId desk) {
        return gateway.conversation(desk, customer).decisions().stream().map(BotDecision::rule).toList();
    }

    private ConversationState state(DeskId desk) {
        return gateway.conversation(desk, customer).state();
    }

    /** Brings an initiativa conversation (no identification, no categories) to WAITING_FOR_OPERATOR. */
    private Conversation waitingOnInitiativa() {
        gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");
        assertThat(state(INITIATIVA)).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        return gateway.conversation(INITIATIVA, customer);
    }

    // ---- rules before the help center

    @ParameterizedTest
    @ValueSource(strings = {"Здравствуйте!", "здраствуйте", "Привет", "добрый день", "Доброе утро, уважаемая поддержка", "Сәлеметсіз бе"})
    void greetingIsAnsweredWithoutSearchingTheHelpCenter(String greeting) {
        Turn turn = gateway.say(EDOC, customer, greeting);

        assertThat(said(turn)).startsWith("Здравствуйте! Я бот службы поддержки.");
        assertThat(gateway.helpCenter.asked).isEmpty();
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(turn.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.GREETING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"спасибо", "Спс!", "спасибо вам большое", "благодарю за помощь", "рахмет"})
    void thanksAreAnsweredWithoutSearchingTheHelpCenter(String thanks) {
        Turn turn = gateway.say(EDOC, customer, thanks);

        assertThat(said(turn)).startsWith("Пожалуйста!");
        assertThat(gateway.helpCenter.asked).isEmpty();
        assertThat(turn.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.THANKS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"до свидания", "Досвидания!", "спасибо, до свидания", "всего доброго"})
    void goodbyeIsAnsweredWithoutSearchingTheHelpCenter(String goodbye) {
        Turn turn = gateway.say(EDOC, customer, goodbye);

        assertThat(said(turn)).startsWith("До свидания!");
        assertThat(gateway.helpCenter.asked).isEmpty();
    }

    @Test
    void greetingWithAQuestionIsAQuestion() {
        edsArticle(EDOC);
        gateway.helpCenter.answer("Здравствуйте! Как продлить ЭЦП?", "eds-renewal", 0.9);

        Turn turn = gateway.say(EDOC, customer, "Здравствуйте! Как продлить ЭЦП?");

        assertThat(gateway.helpCenter.asked).containsExactly("Здравствуйте! Как продлить ЭЦП?");
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.ANSWERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"оператор", "Оператора!", "живой человек", "позовите специалиста", "соедините с сотрудником",
            "хочу поговорить с человеком", "можно оператора пожалуйста"})
    void explicitRequestForAPersonEscalatesAtOnce(String request) {
        Turn turn = gateway.say(INITIATIVA, customer, request);

        assertThat(gateway.helpCenter.asked).isEmpty();
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.ESCALATING);
        assertThat(turn.conversation().escalation().asking()).isEqualTo(Escalation.Asking.DESCRIPTION);
        assertThat(said(turn)).contains("передаю ваш вопрос специалисту").contains("Опишите, пожалуйста, ваш вопрос");
        assertThat(rules(INITIATIVA)).containsExactly(DecisionRule.PERSON_REQUESTED, DecisionRule.ASKED_DESCRIPTION);
    }

    @Test
    void operatorOfElectronicDocumentsIsNotARequestForAPerson() {
        gateway.say(EDOC, customer, "Оператор ЭДО не принимает документы");

        assertThat(gateway.helpCenter.asked).containsExactly("Оператор ЭДО не принимает документы");
    }

    @Test
    void profanityIsWarnedThenServiceStopsAndSupervisorIsFlagged() {
        Turn warned = gateway.say(EDOC, customer, "вы там все дебилы?");

        assertThat(said(warned)).contains("общайтесь корректно");
        assertThat(warned.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(warned.conversation().warnings()).isEqualTo(1);
        assertThat(gateway.helpCenter.asked).isEmpty();

        Turn stopped = gateway.say(EDOC, customer, "да пошли вы на х*й");

        assertThat(stopped.conversation().state()).isEqualTo(ConversationState.SUSPENDED);
        assertThat(said(stopped)).contains("Обслуживание прекращено").contains("руководителю");
        assertThat(gateway.engine.flagged(EDOC)).extracting(s -> s.id()).containsExactly(stopped.conversation().id());
        assertThat(gateway.console.of(ConsoleEvent.Flagged.class)).hasSize(1);
        assertThat(rules(EDOC)).containsExactly(DecisionRule.PROFANITY_WARNED, DecisionRule.SERVICE_STOPPED);

        Turn afterwards = gateway.say(EDOC, customer, "Как продлить ЭЦП?");
        assertThat(afterwards.replies()).isEmpty();
        assertThat(gateway.helpCenter.asked).isEmpty();
    }

    @Test
    void profanityStopsServiceAtOnceOnKonusWithoutWarnings() {
        Turn turn = gateway.say(KONUS, customer, "с*ка, опять не работает");

        assertThat(turn.conversation().state()).isEqualTo(ConversationState.SUSPENDED);
        assertThat(gateway.engine.flagged(KONUS)).hasSize(1);
    }

    @Test
    void supervisorResumesAStoppedConversation() {
        gateway.say(KONUS, customer, "бля");
        Conversation stopped = gateway.conversation(KONUS, customer);

        Turn resumed = gateway.engine.resume(stopped.id(), new Operator("sup", "Руководитель"));

        assertThat(resumed.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(resumed.conversation().warnings()).isZero();
        assertThat(gateway.engine.flagged(KONUS)).isEmpty();
    }

    @Test
    void outOfScopeTopicIsDeclinedWithWhatSupportDoesNotDo() {
        Turn turn = gateway.say(EDOC, customer, "Не работает интернет через прокси-сервер, помогите настроить");

        assertThat(said(turn)).isEqualTo(TestDesks.EDOC_PROXY_REPLY);
        assertThat(gateway.helpCenter.asked).isEmpty();
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.BOT);
        BotDecision decision = turn.conversation().lastDecision().orElseThrow();
        assertThat(decision.rule()).isEqualTo(DecisionRule.OUT_OF_SCOPE);
        assertThat(decision.reason()).contains("интернет и прокси").contains("«прокси»");
    }

    @Test
    void outOfScopeTopicWithoutItsOwnReplyNamesTheTopic() {
        Turn turn = gateway.say(EDOC, customer, "Контрагент не подписывает акт, повлияйте на него");

        assertThat(said(turn)).isEqualTo("Служба поддержки не занимается этим вопросом (действия третьих лиц).");
    }

    @Test
    void callbackIsOfferedOnlyToVipOnEdoc() {
        Turn basic = gateway.say(EDOC, customer, "Перезвоните мне, пожалуйста");

        assertThat(basic.conversation().tier()).isEqualTo("basic");
        assertThat(basic.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(said(basic)).contains("Обратный звонок доступен только клиентам с уровнем обслуживания VIP")
                .contains("онлайн-помощник на сайте").contains("электронная почта (support@mitwork.kz)");
        assertThat(basic.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.CALLBACK_NOT_AVAILABLE);
        assertThat(basic.conversation().lastDecision().orElseThrow().reason()).endsWith("обратный звонок недоступен, только: VIP");

        CustomerAddress vip = widget("vip-session");
        gateway.tiers.tiers.put(vip, "vip");
        Turn accepted = gateway.say(EDOC, vip, "закажите обратный звонок");

        assertThat(accepted.conversation().tier()).isEqualTo("vip");
        assertThat(accepted.conversation().state()).isEqualTo(ConversationState.ESCALATING);
        assertThat(accepted.conversation().escalation().callback()).isTrue();
        assertThat(said(accepted)).contains("специалист вам перезвонит").contains("ИИН");
        // after the desk's own fields, the phone to call back
        gateway.say(EDOC, vip, "900101300123");
        gateway.say(EDOC, vip, "Иванов Иван");
        gateway.say(EDOC, vip, "123456789012");
        Turn phone = gateway.say(EDOC, vip, "ТОО Ромашка");
        assertThat(said(phone)).contains("номер телефона для обратного звонка");
    }

    // ---- the help center

    @Test
    void confidentAnswerOffersHelpedNotHelpedOperator() {
        edsArticle(EDOC);

        Turn turn = gateway.say(EDOC, customer, EDS_QUESTION);

        Outbound reply = turn.replies().getFirst();
        assertThat(reply.text()).startsWith("Как продлить ЭЦП\n\nПродлить ЭЦП можно в личном кабинете НУЦ.").doesNotContain("Подробности ниже");
        assertThat(reply.link()).isEqualTo("https://help.e-doc.kz/articles/eds-renewal");
        assertThat(reply.actions()).extracting(Action::label).containsExactly("Помогло", "Не помогло", "Позвать оператора");
        assertThat(reply.author().kind()).isEqualTo(AuthorKind.BOT);
        assertThat(reply.inReplyTo()).isEqualTo(turn.stored().getFirst().id());
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.ANSWERED);
        BotDecision decision = turn.conversation().lastDecision().orElseThrow();
        assertThat(decision.rule()).isEqualTo(DecisionRule.HELP_CENTER_ANSWER);
        assertThat(decision.article()).isEqualTo("eds-renewal");
        assertThat(decision.confidence()).isEqualTo(0.91);
    }

    @Test
    void answersWithOneArticleShareTheirTextButtonsAndAuthorsInMemory() {
        edsArticle(EDOC);

        Turn first = gateway.say(EDOC, customer, EDS_QUESTION);
        Turn second = gateway.say(EDOC, widget("session-2"), EDS_QUESTION);

        // every transcript in memory holds its replies: a thousand answers with one article are one text, not a thousand
        Outbound one = first.replies().getFirst();
        Outbound other = second.replies().getFirst();
        assertThat(other.text()).isSameAs(one.text());
        assertThat(other.link()).isSameAs(one.link());
        assertThat(other.actions()).isSameAs(one.actions());
        assertThat(other.author()).isSameAs(one.author());
        assertThat(second.stored().getFirst().author()).as("customers without a name")
                .isSameAs(first.stored().getFirst().author());
    }

    @Test
    void helpedIsRecordedAndTheBotGoesOn() {
        edsArticle(EDOC);
        gateway.say(EDOC, customer, EDS_QUESTION);

        Turn turn = gateway.press(EDOC, customer, Action.HELPED);

        assertThat(said(turn)).startsWith("Рады, что помогло");
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(turn.conversation().feedback()).singleElement()
                .satisfies(f -> {
                    assertThat(f.helped()).isTrue();
                    assertThat(f.article()).isEqualTo("eds-renewal");
                });
    }

    @Test
    void unsureAnswerSuggestsUpToThreeCandidatesAndPressingOneAnswers() {
        gateway.article(EDOC, "a1", "Продление ЭЦП", "Продление.");
        gateway.article(EDOC, "a2", "Установка ЭЦП", "Установка.");
        gateway.article(EDOC, "a3", "Отзыв ЭЦП", "Отзыв.");
        gateway.article(EDOC, "a4", "Пароль ЭЦП", "Пароль.");
        gateway.helpCenter.suggest("ЭЦП", 0.4, "a1", "a2", "a3", "a4");

        Turn suggested = gateway.say(EDOC, customer, "ЭЦП");

        assertThat(said(suggested)).startsWith("Возможно, вы имели в виду");
        assertThat(actionIds(suggested)).containsExactly("article:a1", "article:a2", "article:a3", Action.CALL_OPERATOR);
        assertThat(suggested.conversation().lastDecision().orElseThrow().candidates()).containsExactly("a1", "a2", "a3", "a4");

        Turn chosen = gateway.press(EDOC, customer, "article:a2");

        assertThat(said(chosen)).startsWith("Установка ЭЦП");
        assertThat(chosen.conversation().state()).isEqualTo(ConversationState.ANSWERED);
        assertThat(chosen.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.CANDIDATE_CHOSEN);
    }

    @Test
    void notHelpedEscalates() {
        gateway.article(INITIATIVA, "report", "Отчёт по продажам", "Откройте раздел «Отчёты».");
        gateway.helpCenter.answer("Где отчёт по продажам?", "report", 0.8);
        gateway.say(INITIATIVA, customer, "Где отчёт по продажам?");

        Turn turn = gateway.press(INITIATIVA, customer, Action.NOT_HELPED);

        assertThat(said(turn)).startsWith("Жаль, что ответ не помог");
        assertThat(turn.conversation().feedback()).singleElement().satisfies(f -> assertThat(f.helped()).isFalse());
        // the desk asks nothing and the question is known, so the ticket is registered at once
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(gateway.tickets.requests).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Где отчёт по продажам?"));
    }

    @Test
    void notHelpedTypedInWordsEscalatesToo() {
        edsArticle(EDOC);
        gateway.say(EDOC, customer, EDS_QUESTION);

        Turn turn = gateway.say(EDOC, customer, "не помогло");

        assertThat(turn.conversation().state()).isEqualTo(ConversationState.ESCALATING);
    }

    @Test
    void noAnswerEscalatesWithTheQuestionAsDescription() {
        Turn turn = gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");

        assertThat(said(turn)).contains("не нашёл ответа");
        assertThat(gateway.tickets.requests).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Не открывается отчёт по продажам"));
    }

    // ---- escalation

    @Test
    void escalationAsksForEachRequiredIdentificationField() {
        Turn first = gateway.say(EDOC, customer, "Не могу подписать документ");
        assertThat(said(first)).contains("Укажите, пожалуйста: ИИН.");

        assertThat(said(gateway.say(EDOC, customer, "900101300123"))).isEqualTo("Укажите, пожалуйста: ФИО.");
        assertThat(said(gateway.say(EDOC, customer, "Иванов Иван Иванович"))).isEqualTo("Укажите, пожалуйста: БИН организации.");
        assertThat(said(gateway.say(EDOC, customer, "123456789012"))).isEqualTo("Укажите, пожалуйста: наименование организации.");
        Turn category = gateway.say(EDOC, customer, "ТОО «Ромашка»");
        assertThat(said(category)).startsWith("Выберите, пожалуйста, тип обращения");
        assertThat(category.replies().getFirst().actions()).extracting(Action::label).containsExactly("Консультация", "Ошибка/недоработка");

        Turn registered = gateway.press(EDOC, customer, "category:error");

        assertThat(registered.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(registered.conversation().identification()).containsOnlyKeys("iin", "full-name", "bin", "org");
        assertThat(gateway.tickets.requests).singleElement().satisfies(r -> {
            assertThat(r.category()).isEqualTo("error");
            assertThat(r.identification()).containsEntry("iin", "900101300123");
            assertThat(r.description()).isEqualTo("Не могу подписать документ");
            assertThat(r.tier()).isEqualTo("basic");
            assertThat(r.channel()).isEqualTo(ChannelKind.WIDGET);
        });
    }

    @Test
    void categoryMayBeTypedInWords() {
        gateway.say(EORDER, customer, "оператор");
        gateway.say(EORDER, customer, "ivanov@firm.ru");
        gateway.say(EORDER, customer, "7707083893");
        assertThat(gateway.conversation(EORDER, customer).escalation().asking()).isEqualTo(Escalation.Asking.DESCRIPTION);

        CustomerAddress other = widget("session-2");
        gateway.say(EDOC, other, "позовите оператора");
        for (String answer : List.of("900101300123", "Иванов", "123456789012", "ТОО")) {
            gateway.say(EDOC, other, answer);
        }
        Turn chosen = gateway.say(EDOC, other, "консультация");
        assertThat(chosen.conversation().escalation().category()).isEqualTo("consultation");
        assertThat(chosen.conversation().escalation().asking()).isEqualTo(Escalation.Asking.DESCRIPTION);
    }

    @Test
    void invalidInnIsAskedAgainWithTheReason() {
        gateway.say(EORDER, customer, "позовите специалиста");
        gateway.say(EORDER, customer, "ivanov@firm.ru");

        Turn turn = gateway.say(EORDER, customer, "77070838");

        assertThat(said(turn)).isEqualTo("ИНН должен состоять из 10 или 12 цифр. Укажите, пожалуйста, ИНН ещё раз.");
        Conversation c = turn.conversation();
        assertThat(c.escalation().fieldId()).isEqualTo("inn");
        assertThat(c.identification()).doesNotContainKey("inn");
        BotDecision rejected = c.lastDecision().orElseThrow();
        assertThat(rejected.rule()).isEqualTo(DecisionRule.IDENTIFICATION_REJECTED);
        assertThat(rejected.reason()).contains("«ИНН»").doesNotContain("77070838");

        Turn accepted = gateway.say(EORDER, customer, "7707083893");
        assertThat(accepted.conversation().identification()).containsEntry("inn", "7707083893");
    }

    @Test
    void ticketNumberIsToldToTheCustomer() {
        Turn turn = gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");

        // 05:00 UTC + 5 s + 2 hours, in Moscow time
        assertThat(said(turn)).contains("Ваше обращение зарегистрировано под номером INITIATIVA-2026-000001.")
                .contains("Специалист ответит до 11.03.2026 10:00 (UTC+03:00).");
        assertThat(turn.conversation().ticket().number()).isEqualTo("INITIATIVA-2026-000001");
        assertThat(turn.conversation().waitingSince()).isEqualTo(gateway.clock.instant());
        assertThat(gateway.console.of(ConsoleEvent.Queued.class)).singleElement()
                .satisfies(q -> assertThat(q.ticket().number()).isEqualTo("INITIATIVA-2026-000001"));
        assertThat(gateway.engine.open(INITIATIVA)).singleElement()
                .satisfies(s -> assertThat(s.ticketNumber()).isEqualTo("INITIATIVA-2026-000001"));
    }

    @Test
    void outOfHoursEscalationSaysWhenOperatorsWork() {
        gateway.hours.open = false;

        Turn turn = gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");

        assertThat(said(turn)).contains("Сейчас нерабочее время. Операторы работают пн–пт 9:00–18:00 (время Астаны).")
                .contains("Операторы приступят к работе 16.03.2026 07:00 (UTC+03:00).");
    }

    @Test
    void inHoursEscalationDoesNotMentionTheSchedule() {
        Turn turn = gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");

        assertThat(said(turn)).doesNotContain("нерабочее");
    }

    @Test
    void messagesWhileWaitingJoinTheTicketAndAreAcknowledgedOncePerBurst() {
        waitingOnInitiativa();

        Turn first = gateway.say(INITIATIVA, customer, "Добавлю: ошибка 500");
        Turn second = gateway.say(INITIATIVA, customer, "И скриншот пришлю позже");

        assertThat(said(first)).contains("добавлено к обращению INITIATIVA-2026-000001");
        assertThat(second.replies()).isEmpty();
        assertThat(gateway.console.of(ConsoleEvent.CustomerWrote.class)).hasSize(3);
    }

    // ---- operators

    @Test
    void botIsSilentWhileOperatorHoldsTheConversation() {
        Conversation waiting = waitingOnInitiativa();
        Turn joined = gateway.engine.takeOver(waiting.id(), anna);
        assertThat(said(joined)).isEqualTo("Оператор Анна подключился к чату.");
        int asked = gateway.helpCenter.asked.size();

        Turn turn = gateway.say(INITIATIVA, customer, "Здравствуйте, а как долго ждать? Где отчёт?");

        assertThat(turn.replies()).isEmpty();
        assertThat(gateway.helpCenter.asked).hasSize(asked);
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(turn.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.SILENT_WHILE_OPERATOR_HOLDS);
        assertThat(gateway.console.of(ConsoleEvent.CustomerWrote.class).getLast().message().text())
                .isEqualTo("Здравствуйте, а как долго ждать? Где отчёт?");

        Turn answer = gateway.engine.reply(waiting.id(), anna, "Отчёт будет готов через час.");
        assertThat(answer.replies()).singleElement().satisfies(r -> {
            assertThat(r.author().kind()).isEqualTo(AuthorKind.OPERATOR);
            assertThat(r.author().displayName()).isEqualTo("Анна");
            assertThat(r.inReplyTo()).isEqualTo(turn.stored().getFirst().id());
            assertThat(r.replyToExternalId()).isEqualTo(turn.stored().getFirst().externalId());
        });
    }

    @Test
    void anyBotChatCanBeTakenOver() {
        gateway.say(EDOC, customer, "привет");
        Conversation c = gateway.conversation(EDOC, customer);

        Turn turn = gateway.engine.takeOver(c.id(), anna);

        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(turn.conversation().operator()).isEqualTo(anna);
    }

    @Test
    void twoOperatorsCannotHoldOneConversation() {
        Conversation waiting = waitingOnInitiativa();
        gateway.engine.takeOver(waiting.id(), anna);

        assertThatThrownBy(() -> gateway.engine.takeOver(waiting.id(), boris))
                .isInstanceOf(HeldByAnotherOperator.class)
                .hasMessageContaining("held by operator Анна");
        assertThatThrownBy(() -> gateway.engine.reply(waiting.id(), boris, "Я тоже тут"))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThatThrownBy(() -> gateway.engine.close(waiting.id(), boris))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThat(gateway.engine.takeOver(waiting.id(), anna).replies()).as("taking one's own again changes nothing").isEmpty();
        assertThat(gateway.conversation(INITIATIVA, customer).operator()).isEqualTo(anna);
    }

    @Test
    void operatorCannotReplyWithoutTakingOver() {
        Conversation waiting = waitingOnInitiativa();

        assertThatThrownBy(() -> gateway.engine.reply(waiting.id(), anna, "Здравствуйте"))
                .isInstanceOf(NotHeldByOperator.class);
        assertThatThrownBy(() -> gateway.engine.returnToBot(waiting.id(), anna))
                .isInstanceOf(NotHeldByOperator.class);
    }

    @Test
    void operatorMayAnswerAStandardQuestionWithAHelpCenterArticle() {
        edsArticle(EDOC);
        Conversation c = heldByAnna(EDOC);
        Turn asked = gateway.say(EDOC, customer, "А как мне продлить подпись?");

        Turn shared = gateway.engine.shareArticle(c.id(), anna, "eds-renewal");

        assertThat(shared.replies()).singleElement().satisfies(r -> {
            assertThat(r.author().kind()).isEqualTo(AuthorKind.OPERATOR);
            assertThat(r.author().displayName()).isEqualTo("Анна");
            assertThat(r.text()).startsWith("Как продлить ЭЦП\n\nПродлить ЭЦП можно в личном кабинете НУЦ.");
            assertThat(r.link()).isEqualTo("https://help.e-doc.kz/articles/eds-renewal");
            assertThat(r.actions()).as("the operator hears whether it helped, no bot buttons").isEmpty();
            assertThat(r.inReplyTo()).isEqualTo(asked.stored().getFirst().id());
        });
        assertThat(shared.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(shared.conversation().transcript().getLast().link()).isEqualTo(shared.replies().getFirst().link());
    }

    @Test
    void onlyTheHoldingOperatorSharesArticlesAndOnlyOfTheirDesk() {
        edsArticle(EDOC);
        Conversation waiting = waitingOnInitiativa();

        assertThatThrownBy(() -> gateway.engine.shareArticle(waiting.id(), anna, "eds-renewal"))
                .isInstanceOf(NotHeldByOperator.class);
        gateway.engine.takeOver(waiting.id(), anna);
        assertThatThrownBy(() -> gateway.engine.shareArticle(waiting.id(), boris, "eds-renewal"))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThatThrownBy(() -> gateway.engine.shareArticle(waiting.id(), anna, "eds-renewal"))
                .as("an edoc article in an initiativa chat").isInstanceOf(ArticleNotFound.class);
        assertThat(gateway.conversation(INITIATIVA, customer).transcript())
                .noneMatch(m -> m.author().kind() == AuthorKind.OPERATOR);
    }

    @Test
    void anOperatorSendsTheCustomerAFileWithAFewWords() {
        Conversation c = heldByAnna(EDOC);
        Turn asked = gateway.say(EDOC, customer, "Пришлите, пожалуйста, форму заявления");
        Attachment form = new Attachment("Заявление на доступ.pdf", "application/pdf", 48_213, "f-form");

        Turn sent = gateway.engine.sendFiles(c.id(), anna, " Заполните и пришлите обратно ", List.of(form));

        assertThat(sent.replies()).singleElement().satisfies(r -> {
            assertThat(r.author().kind()).isEqualTo(AuthorKind.OPERATOR);
            assertThat(r.text()).isEqualTo("Заполните и пришлите обратно");
            assertThat(r.attachments()).containsExactly(form);
            assertThat(r.inReplyTo()).isEqualTo(asked.stored().getFirst().id());
        });
        assertThat(sent.conversation().transcript().getLast().attachments()).containsExactly(form);
        assertThat(gateway.deliveries.delivered.getLast().attachments()).containsExactly(form);
    }

    @Test
    void aFileNeedsNoTextButOnlyTheHoldingOperatorSendsOneAndPolitely() {
        Conversation waiting = waitingOnInitiativa();
        Attachment screenshot = new Attachment("где нажать.png", "image/png", 1_024, "f-shot");

        assertThatThrownBy(() -> gateway.engine.sendFiles(waiting.id(), anna, null, List.of(screenshot)))
                .isInstanceOf(NotHeldByOperator.class);
        gateway.engine.takeOver(waiting.id(), anna);
        assertThatThrownBy(() -> gateway.engine.sendFiles(waiting.id(), boris, null, List.of(screenshot)))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThatThrownBy(() -> gateway.engine.sendFiles(waiting.id(), anna, "Вот", List.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(gateway.engine.sendFiles(waiting.id(), anna, null, List.of(screenshot)).replies())
                .singleElement().satisfies(r -> assertThat(r.text()).isEmpty());
    }

    @Test
    void forbiddenJargonBesideAFileIsRefusedToo() {
        Conversation c = heldByAnna(EORDER);
        int delivered = gateway.deliveries.delivered.size();

        assertThatThrownBy(() -> gateway.engine.sendFiles(c.id(), anna, "Инструкция для винды",
                List.of(new Attachment("инструкция.pdf", "application/pdf", 10, "f-guide"))))
                .isInstanceOf(ForbiddenWordsInReply.class);
        assertThat(gateway.deliveries.delivered).hasSize(delivered);
    }

    @Test
    void theOperatorHoldingTheChatSeesTheCustomerTypingAndNobodyIsToldOfABotChat() {
        gateway.say(EDOC, customer, "привет");
        gateway.engine.customerTyping(EDOC, customer);
        gateway.engine.customerTyping(EDOC, widget("nobody-here"));
        assertThat(gateway.console.of(ConsoleEvent.CustomerTyping.class)).as("the bot needs no signal").isEmpty();

        Conversation c = gateway.conversation(EDOC, customer);
        gateway.engine.takeOver(c.id(), anna);
        int stored = gateway.conversation(EDOC, customer).transcript().size();
        gateway.engine.customerTyping(EDOC, customer);

        assertThat(gateway.console.of(ConsoleEvent.CustomerTyping.class)).singleElement()
                .satisfies(e -> assertThat(e.conversation().id()).isEqualTo(c.id()));
        assertThat(gateway.conversation(EDOC, customer).transcript()).as("a signal, not a message").hasSize(stored);
    }

    @Test
    void onlyAChatStillWaitingIsTakenFromTheQueue() {
        Conversation waiting = waitingOnInitiativa();

        Turn taken = gateway.engine.takeOverFromQueue(waiting.id(), anna);

        assertThat(taken.conversation().operator()).isEqualTo(anna);
        assertThat(said(taken)).contains("Оператор Анна подключился к чату");
        assertThatThrownBy(() -> gateway.engine.takeOverFromQueue(waiting.id(), boris))
                .as("taken a moment earlier").isInstanceOf(HeldByAnotherOperator.class);
        gateway.engine.returnToBot(waiting.id(), anna);
        assertThatThrownBy(() -> gateway.engine.takeOverFromQueue(waiting.id(), boris))
                .as("the bot serves it again").isInstanceOf(IllegalTransition.class);
    }

    @Test
    void anOperatorHandsTheChatToANamedColleagueAndTheCustomerIsToldWhoGoesOn() {
        Conversation waiting = waitingOnInitiativa();
        gateway.engine.takeOver(waiting.id(), anna);

        Turn handed = gateway.engine.transfer(waiting.id(), anna, boris);

        assertThat(said(handed)).isEqualTo("Ваш чат передан оператору Борис, он продолжит разговор.");
        assertThat(handed.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(handed.conversation().operator()).isEqualTo(boris);
        assertThat(handed.conversation().ticket()).isEqualTo(waiting.ticket());
        assertThat(gateway.console.of(ConsoleEvent.Transferred.class)).singleElement().satisfies(e -> {
            assertThat(e.from()).isEqualTo(anna);
            assertThat(e.conversation().operator()).isEqualTo(boris);
        });
        assertThatThrownBy(() -> gateway.engine.reply(waiting.id(), anna, "Я ещё здесь"))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThat(gateway.engine.reply(waiting.id(), boris, "Здравствуйте, продолжу я").replies()).hasSize(1);
    }

    @Test
    void onlyTheHoldingOperatorHandsTheChatOverAndAQuestionToTheCustomerStaysOpen() {
        Conversation waiting = waitingOnInitiativa();
        assertThatThrownBy(() -> gateway.engine.transfer(waiting.id(), anna, boris)).isInstanceOf(NotHeldByOperator.class);
        gateway.engine.takeOver(waiting.id(), anna);
        assertThatThrownBy(() -> gateway.engine.transfer(waiting.id(), boris, anna)).isInstanceOf(HeldByAnotherOperator.class);
        assertThatThrownBy(() -> gateway.engine.transfer(waiting.id(), anna, anna)).isInstanceOf(IllegalTransition.class);
        gateway.engine.awaitCustomer(waiting.id(), anna, "Пришлите, пожалуйста, номер базы");

        Turn handed = gateway.engine.transfer(waiting.id(), anna, boris);

        assertThat(handed.conversation().awaitsCustomer()).as("the colleague waits for the same answer").isTrue();
    }

    @Test
    void anArticleSharedAfterTheClosingQuestionKeepsTheChatWithTheOperator() {
        edsArticle(EORDER);
        Conversation c = heldByAnna(EORDER);
        assertThat(gateway.engine.close(c.id(), anna).conversation().state()).isEqualTo(ConversationState.CLOSING);

        Turn shared = gateway.engine.shareArticle(c.id(), anna, "eds-renewal");

        assertThat(shared.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(shared.conversation().operator()).isEqualTo(anna);
    }

    @Test
    void anOperatorHandsARegisteredRequestBackToTheQueueForAColleague() {
        Conversation waiting = waitingOnInitiativa();
        gateway.engine.takeOver(waiting.id(), anna);
        gateway.clock.advance(Duration.ofMinutes(30));

        Turn requeued = gateway.engine.returnToQueue(waiting.id(), anna);

        assertThat(said(requeued)).contains("первый освободившийся специалист");
        assertThat(requeued.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(requeued.conversation().operator()).isNull();
        assertThat(requeued.conversation().waitingSince()).as("the queue counts the wait from now").isEqualTo(gateway.clock.instant());
        assertThat(requeued.conversation().ticket()).isEqualTo(waiting.ticket());
        assertThat(gateway.engine.takeOver(waiting.id(), boris).conversation().operator()).isEqualTo(boris);
    }

    @Test
    void aChatWithoutARequestGoesBackToTheBotNotToTheQueue() {
        Conversation c = heldByAnna(EDOC);

        assertThatThrownBy(() -> gateway.engine.returnToQueue(c.id(), anna)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> gateway.engine.returnToQueue(c.id(), boris)).isInstanceOf(HeldByAnotherOperator.class);
        assertThat(gateway.conversation(EDOC, customer).state()).isEqualTo(ConversationState.WITH_OPERATOR);
    }

    @Test
    void theCustomerSeesTheHoldingOperatorTypingAndNothingIsStored() {
        Conversation waiting = waitingOnInitiativa();
        assertThatThrownBy(() -> gateway.engine.operatorTyping(waiting.id(), anna)).isInstanceOf(NotHeldByOperator.class);
        gateway.engine.takeOver(waiting.id(), anna);
        Conversation held = gateway.conversation(INITIATIVA, customer);

        gateway.engine.operatorTyping(waiting.id(), anna);

        assertThat(gateway.deliveries.typings).singleElement().satisfies(t -> {
            assertThat(t.customer()).isEqualTo(customer);
            assertThat(t.desk()).isEqualTo(INITIATIVA);
            assertThat(t.operatorName()).isEqualTo("Анна");
        });
        assertThat(gateway.conversation(INITIATIVA, customer)).isEqualTo(held);
        assertThatThrownBy(() -> gateway.engine.operatorTyping(waiting.id(), boris)).isInstanceOf(HeldByAnotherOperator.class);
    }

    @Test
    void anInternalNoteStaysWithTheOperatorsAndChangesNothingForTheCustomer() {
        Conversation waiting = waitingOnInitiativa();
        gateway.engine.takeOver(waiting.id(), anna);
        int delivered = gateway.deliveries.delivered.size();
        Conversation before = gateway.conversation(INITIATIVA, customer);
        gateway.clock.advance(Duration.ofMinutes(10));

        Turn noted = gateway.engine.addNote(waiting.id(), boris, "  Клиент звонил: перезвонить после 14:00  ");

        assertThat(noted.replies()).as("nothing goes to the customer").isEmpty();
        assertThat(gateway.deliveries.delivered).hasSize(delivered);
        assertThat(noted.conversation().transcript().getLast()).satisfies(m -> {
            assertThat(m.author().kind()).isEqualTo(AuthorKind.NOTE);
            assertThat(m.author().displayName()).isEqualTo("Борис");
            assertThat(m.text()).isEqualTo("Клиент звонил: перезвонить после 14:00");
            assertThat(m.forCustomer()).isFalse();
        });
        assertThat(noted.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(noted.conversation().operator()).as("a colleague's note does not take the chat").isEqualTo(anna);
        assertThat(gateway.console.of(ConsoleEvent.NoteAdded.class)).as("colleagues looking at the chat see it at once")
                .singleElement().satisfies(e -> assertThat(e.author()).isEqualTo(boris));
        assertThatThrownBy(() -> gateway.engine.addNote(waiting.id(), boris, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outbound.of(noted.conversation(), noted.conversation().transcript().getLast()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(noted.conversation().updatedAt()).as("a note is no change of the request").isEqualTo(before.updatedAt());
        assertThat(noted.conversation().summary().lastMessageAt()).isEqualTo(before.summary().lastMessageAt());
    }

    @Test
    void returnToBotLetsTheBotAnswerAgain() {
        edsArticle(INITIATIVA);
        Conversation waiting = waitingOnInitiativa();
        gateway.engine.takeOver(waiting.id(), anna);

        Turn returned = gateway.engine.returnToBot(waiting.id(), anna);

        assertThat(said(returned)).contains("снова отвечает бот");
        assertThat(returned.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(returned.conversation().operator()).isNull();
        Turn answered = gateway.say(INITIATIVA, customer, EDS_QUESTION);
        assertThat(answered.conversation().state()).isEqualTo(ConversationState.ANSWERED);
        assertThat(said(answered)).startsWith("Как продлить ЭЦП");
    }

    @Test
    void eorderAsksWhetherQuestionsRemainBeforeClosing() {
        Conversation c = heldByAnna(EORDER);

        Turn asked = gateway.engine.close(c.id(), anna);

        assertThat(asked.conversation().state()).isEqualTo(ConversationState.CLOSING);
        assertThat(asked.replies()).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Остались ли у вас вопросы?");
            assertThat(r.author().kind()).isEqualTo(AuthorKind.OPERATOR);
            assertThat(r.actions()).extracting(Action::id).containsExactly(Action.QUESTIONS_REMAIN, Action.NOTHING_REMAINS);
        });

        Turn more = gateway.say(EORDER, customer, "да, ещё один вопрос");
        assertThat(more.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(more.conversation().operator()).isEqualTo(anna);

        gateway.engine.close(c.id(), anna);
        Turn done = gateway.say(EORDER, customer, "нет, спасибо");
        assertThat(done.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(said(done)).startsWith("Диалог завершён. Спасибо за обращение!");
        assertThat(gateway.engine.open(EORDER)).isEmpty();
    }

    /** A customer greets the desk and Anna takes the chat over. */
    private Conversation heldByAnna(DeskId desk) {
        gateway.say(desk, customer, "привет");
        Conversation c = gateway.conversation(desk, customer);
        gateway.engine.takeOver(c.id(), anna);
        return c;
    }

    private Turn closedOnEorder() {
        Conversation c = heldByAnna(EORDER);
        gateway.engine.close(c.id(), anna);
        return gateway.press(EORDER, customer, Action.NOTHING_REMAINS);
    }

    @Test
    void eorderAsksTheCustomerToRateTheServiceWhenTheChatCloses() {
        Turn closed = closedOnEorder();

        assertThat(closed.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(said(closed)).endsWith("Оцените, пожалуйста, как мы вам помогли.");
        assertThat(actionIds(closed)).containsExactly(Action.RATED_GOOD, Action.RATED_BAD);
    }

    @Test
    void aRatingReachesTheSupervisorsReportWithTheOperatorWhoServed() {
        Conversation c = heldByAnna(EORDER);
        gateway.engine.reply(c.id(), anna, "Счёт перевыставлен, проверьте почту");
        gateway.engine.close(c.id(), anna);
        gateway.press(EORDER, customer, Action.NOTHING_REMAINS);

        gateway.press(EORDER, customer, Action.RATED_BAD);

        assertThat(gateway.console.of(ConsoleEvent.ServiceRated.class)).singleElement().satisfies(e -> {
            assertThat(e.conversation().id()).isEqualTo(c.id());
            assertThat(e.satisfied()).isFalse();
            assertThat(e.servedBy()).isEqualTo(anna);
            assertThat(e.at()).isEqualTo(gateway.clock.instant());
        });
    }

    @Test
    void aRatingIsKeptOnTheClosedConversationWhichStaysClosedAndALaterOneReplacesIt() {
        Conversation closed = closedOnEorder().conversation();

        Turn good = gateway.press(EORDER, customer, Action.RATED_GOOD);

        assertThat(good.conversation().id()).as("the closed conversation, not a new one").isEqualTo(closed.id());
        assertThat(good.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(said(good)).startsWith("Спасибо за оценку!");
        assertThat(good.conversation().feedback().getLast()).satisfies(f -> {
            assertThat(f.onService()).isTrue();
            assertThat(f.helped()).isTrue();
            assertThat(f.answer()).isEqualTo(closed.lastMessage().orElseThrow().id());
        });
        assertThat(good.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.SERVICE_RATED);
        assertThat(good.conversation().lastDecision().orElseThrow().reason()).isEqualTo("клиент оценил обслуживание: «Хорошо»");
        assertThat(gateway.engine.open(EORDER)).isEmpty();

        Turn bad = gateway.press(EORDER, customer, Action.RATED_BAD);
        assertThat(bad.conversation().id()).isEqualTo(closed.id());
        assertThat(bad.conversation().feedback().getLast().helped()).isFalse();
    }

    @Test
    void aRatingAWeekAfterClosingNoLongerReachesTheClosedConversation() {
        Conversation closed = closedOnEorder().conversation();
        gateway.clock.advance(Duration.ofDays(8));

        Turn late = gateway.press(EORDER, customer, Action.RATED_GOOD);

        assertThat(late.conversation().id()).isNotEqualTo(closed.id());
        assertThat(late.conversation().feedback()).isEmpty();
    }

    @Test
    void aRatingPressedAfterTheCustomerBeganANewChatStillRatesTheOneThatClosed() {
        Conversation closed = closedOnEorder().conversation();
        Conversation next = gateway.say(EORDER, customer, "привет").conversation();

        Turn good = gateway.press(EORDER, customer, Action.RATED_GOOD);

        assertThat(good.conversation().id()).isEqualTo(closed.id());
        assertThat(good.conversation().feedback().getLast().onService()).isTrue();
        assertThat(gateway.conversation(EORDER, customer).id()).isEqualTo(next.id());
        assertThat(gateway.conversation(EORDER, customer).state()).isEqualTo(next.state());
    }

    @Test
    void ratingAgainDoesNotStretchTheWeekCountedFromTheClosing() {
        Conversation closed = closedOnEorder().conversation();
        gateway.clock.advance(Duration.ofDays(6));
        assertThat(gateway.press(EORDER, customer, Action.RATED_BAD).conversation().id()).isEqualTo(closed.id());
        gateway.clock.advance(Duration.ofDays(2));

        Turn late = gateway.press(EORDER, customer, Action.RATED_GOOD);

        assertThat(late.conversation().id()).isNotEqualTo(closed.id());
        assertThat(said(late)).startsWith("Эту оценку уже нельзя поставить");
        assertThat(gateway.conversations.find(closed.id()).orElseThrow().feedback().getLast().helped()).isFalse();
    }

    @Test
    void aChatClosedWithoutTheRatingQuestionCannotBeRated() {
        Conversation c = heldByAnna(EDOC);
        gateway.engine.close(c.id(), anna);

        Turn pressed = gateway.press(EDOC, customer, Action.RATED_BAD);

        assertThat(pressed.conversation().id()).isNotEqualTo(c.id());
        assertThat(gateway.conversations.find(c.id()).orElseThrow().feedback()).isEmpty();
        assertThat(said(pressed)).startsWith("Эту оценку уже нельзя поставить");
    }

    @Test
    void aDeskThatDoesNotAskForARatingOffersNone() {
        Conversation c = heldByAnna(EDOC);

        Turn closed = gateway.engine.close(c.id(), anna);

        assertThat(closed.replies().getLast().actions()).extracting(Action::id)
                .doesNotContain(Action.RATED_GOOD, Action.RATED_BAD);
    }

    @Test
    void closingQuestionAnsweredWithAQuestionGoesToTheOperator() {
        Conversation c = heldByAnna(EORDER);
        gateway.engine.close(c.id(), anna);

        Turn turn = gateway.say(EORDER, customer, "А как выгрузить реестр ордеров за месяц?");

        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(turn.replies()).isEmpty();
    }

    @Test
    void closingTwiceClosesWithoutTheCustomersAnswer() {
        gateway.say(EORDER, customer, "привет");
        Conversation c = gateway.conversation(EORDER, customer);
        gateway.engine.close(c.id(), anna);

        Turn closed = gateway.engine.close(c.id(), anna);

        assertThat(closed.conversation().state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void edocClosesAtOnce() {
        gateway.say(EDOC, customer, "привет");
        Conversation waiting = gateway.conversation(EDOC, customer);

        Turn closed = gateway.engine.close(waiting.id(), anna);

        assertThat(closed.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(said(closed)).isEqualTo("Диалог завершён. Спасибо за обращение!");
    }

    @Test
    void aMessageAfterClosingOpensANewConversation() {
        gateway.say(EDOC, customer, "привет");
        Conversation first = gateway.conversation(EDOC, customer);
        gateway.engine.close(first.id(), anna);

        Turn next = gateway.say(EDOC, customer, "привет снова");

        assertThat(next.conversation().id()).isNotEqualTo(first.id());
        assertThat(next.conversation().transcript()).hasSize(2);
    }

    @Test
    void forbiddenJargonInOperatorReplyIsRefused() {
        Conversation c = heldByAnna(EORDER);
        int delivered = gateway.deliveries.delivered.size();

        assertThatThrownBy(() -> gateway.engine.reply(c.id(), anna, "Перезагрузите сервак, а потом переустановите винду"))
                .isInstanceOf(ForbiddenWordsInReply.class)
                .satisfies(e -> assertThat(((ForbiddenWordsInReply) e).words()).containsExactly("винда", "сервак"));
        assertThat(gateway.deliveries.delivered).hasSize(delivered);
        assertThat(gateway.engine.reply(c.id(), anna, "Перезагрузите сервер и проверьте настройки прокси-сервера").replies()).hasSize(1);
    }

    // ---- the conversation itself

    @Test
    void oneConversationPerCustomerPerDesk() {
        Turn first = gateway.say(EDOC, customer, "привет");
        Turn second = gateway.say(EDOC, customer, "спасибо");
        Turn otherDesk = gateway.say(EORDER, customer, "привет");
        Turn otherChannel = gateway.say(EDOC, CustomerAddress.of(ChannelKind.TELEGRAM, "100500"), "привет");

        assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
        assertThat(second.conversation().transcript()).hasSize(4);
        assertThat(otherDesk.conversation().id()).isNotEqualTo(first.conversation().id());
        assertThat(otherChannel.conversation().id()).isNotEqualTo(first.conversation().id());
    }

    @Test
    void redeliveredInboundIsANoOp() {
        Inbound inbound = Inbound.text(EDOC, customer, "update-42", "привет", Gateway.START);
        Turn first = gateway.engine.receive(inbound);

        Turn again = gateway.engine.receive(inbound);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.replies()).isEmpty();
        assertThat(again.stored()).isEmpty();
        assertThat(gateway.conversation(EDOC, customer).transcript()).hasSize(first.conversation().transcript().size());
        assertThat(gateway.deliveries.delivered).hasSize(1);
    }

    @Test
    void everyReplyIsStoredBeforeItIsDelivered() {
        Turn turn = gateway.say(EDOC, customer, "привет");

        Outbound delivered = gateway.deliveries.delivered.getFirst();
        assertThat(turn.conversation().version()).isEqualTo(1);
        assertThat(turn.conversation().message(delivered.id())).isPresent();
        assertThat(delivered.channel()).isEqualTo(ChannelKind.WIDGET);
        assertThat(delivered.customer()).isEqualTo(customer);
    }

    @Test
    void transcriptAndDecisionsKeepTheWholeConversation() {
        edsArticle(INITIATIVA);
        gateway.say(INITIATIVA, customer, "Привет");
        gateway.say(INITIATIVA, customer, EDS_QUESTION);
        gateway.press(INITIATIVA, customer, Action.NOT_HELPED);
        Conversation c = gateway.conversation(INITIATIVA, customer);
        gateway.engine.takeOver(c.id(), anna);
        gateway.engine.reply(c.id(), anna, "Сейчас посмотрю.");

        Conversation after = gateway.conversation(INITIATIVA, customer);
        assertThat(after.transcript()).extracting(m -> m.author().kind()).containsExactly(
                AuthorKind.CUSTOMER, AuthorKind.BOT, AuthorKind.CUSTOMER, AuthorKind.BOT, AuthorKind.CUSTOMER, AuthorKind.BOT,
                AuthorKind.BOT, AuthorKind.SYSTEM, AuthorKind.OPERATOR);
        assertThat(after.decisions()).extracting(BotDecision::rule).containsExactly(DecisionRule.GREETING,
                DecisionRule.HELP_CENTER_ANSWER, DecisionRule.FEEDBACK_NOT_HELPED, DecisionRule.TICKET_REGISTERED);
        assertThat(after.decisions()).allSatisfy(d -> assertThat(d.reason()).as("written for the desk's operators")
                .containsPattern("[а-яё]{3,}").doesNotContainPattern("\\b(the|and|of|answer|ticket)\\b"));
    }

    @Test
    void personalDataStaysOutOfTextsMeantForLogs() {
        gateway.say(EORDER, customer, "оператор");
        gateway.say(EORDER, customer, "ivanov@firm.ru");
        gateway.say(EORDER, customer, "7707083893");
        Conversation c = gateway.conversation(EORDER, customer);

        assertThat(c.toString()).doesNotContain("ivanov").doesNotContain("7707083893").doesNotContain("session-1");
        assertThat(c.decisions()).allSatisfy(d -> assertThat(d.reason()).doesNotContain("7707083893").doesNotContain("ivanov"));
        assertThat(gateway.tickets.requests).isEmpty();
    }

    @Test
    void unknownDeskIsRefused() {
        assertThatThrownBy(() -> gateway.say(DeskId.of("nowhere"), customer, "привет")).isInstanceOf(UnknownDesk.class);
    }

    // ---- waiting for the customer and edoc's silence rule

    /** Brings an edoc conversation to a registered ticket: question, the four identity fields, category «ошибка». */
    private Conversation ticketOnEdoc() {
        gateway.say(EDOC, customer, "Не могу подписать документ");
        for (String answer : List.of("900101300123", "Иванов Иван Иванович", "123456789012", "ТОО «Ромашка»")) {
            gateway.say(EDOC, customer, answer);
        }
        gateway.press(EDOC, customer, "category:error");
        assertThat(state(EDOC)).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        return gateway.conversation(EDOC, customer);
    }

    @Test
    void eachQuestionOfTheBotStartsWaitingForTheCustomer() {
        Turn asked = gateway.say(EDOC, customer, "Не могу подписать документ");
        assertThat(asked.conversation().awaitingCustomerSince()).isEqualTo(gateway.clock.instant());

        Turn next = gateway.say(EDOC, customer, "900101300123");

        assertThat(next.conversation().awaitingCustomerSince()).as("the answer stops the clock, the next question starts it")
                .isEqualTo(gateway.clock.instant());
        Turn registered = gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");
        assertThat(registered.conversation().awaitsCustomer()).as("a ticket in the queue waits for operators, not the customer").isFalse();
    }

    @Test
    void edocClosesARequestAfterEightBusinessHoursOfCustomerSilence() {
        gateway.say(EDOC, customer, "Не могу подписать документ");
        Turn asked = gateway.say(EDOC, customer, "900101300123");
        Conversation c = asked.conversation();
        // asked for the full name on Wednesday at 10:00:10 in Astana: 7:59:50 remain that day, 10 s on Thursday
        assertThat(c.awaitingCustomerSince()).isEqualTo(Instant.parse("2026-03-11T05:00:10Z"));

        assertThat(gateway.engine.closeSilent(c.id(), Instant.parse("2026-03-11T18:00:00Z")).replies())
                .as("13 hours later by the clock, but the night is not working time").isEmpty();
        assertThat(gateway.engine.closeSilent(c.id(), Instant.parse("2026-03-12T04:00:09Z")).replies()).isEmpty();

        Turn closed = gateway.engine.closeSilent(c.id(), Instant.parse("2026-03-12T04:00:10Z"));

        assertThat(closed.conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(said(closed)).startsWith("Диалог завершён: ответ от клиента не получен. Мы ожидали от вас: ФИО.")
                .contains("Что было сделано:\n— получены сведения: ИИН\n— начата подготовка обращения к специалисту")
                .doesNotContain("900101300123").doesNotContain("Открыть заново");
        assertThat(closed.replies()).singleElement().satisfies(r -> assertThat(r.author().kind()).isEqualTo(AuthorKind.SYSTEM));
        BotDecision decision = closed.conversation().lastDecision().orElseThrow();
        assertThat(decision.rule()).isEqualTo(DecisionRule.CLOSED_FOR_SILENCE);
        assertThat(decision.reason()).contains("в течение 8 рабочих часов").doesNotContain("900101300123");
        assertThat(gateway.console.of(ConsoleEvent.StateChanged.class).getLast().conversation().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(gateway.engine.closeSilent(c.id(), Instant.parse("2026-03-20T04:00:00Z")).replies()).as("closing again changes nothing").isEmpty();
    }

    @Test
    void theCustomersAnswerRestartsTheSilenceClock() {
        Turn asked = gateway.say(EDOC, customer, "Не могу подписать документ");
        Instant due = gateway.hours.plus(TestDesks.edoc(), asked.conversation().awaitingCustomerSince(), TestDesks.EDOC_SILENCE.after());
        gateway.clock.set(due.minus(Duration.ofMinutes(1)));

        Turn answered = gateway.say(EDOC, customer, "900101300123");

        assertThat(gateway.engine.closeSilent(answered.conversation().id(), due).replies()).isEmpty();
        assertThat(state(EDOC)).isEqualTo(ConversationState.ESCALATING);
    }

    @Test
    void operatorPutsARequestOnHoldUntilTheCustomerAnswers() {
        Conversation waiting = ticketOnEdoc();
        gateway.engine.takeOver(waiting.id(), anna);

        Turn hold = gateway.engine.awaitCustomer(waiting.id(), anna, "Пришлите, пожалуйста, снимок экрана с ошибкой.");

        assertThat(hold.replies()).extracting(Outbound::text).containsExactly("Пришлите, пожалуйста, снимок экрана с ошибкой.",
                "Обращение ожидает вашего ответа. Если ответ не поступит в течение 8 рабочих часов, обращение будет закрыто.");
        assertThat(hold.replies().getFirst().author().kind()).isEqualTo(AuthorKind.OPERATOR);
        assertThat(hold.conversation().state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(gateway.engine.open(EDOC)).singleElement()
                .satisfies(s -> assertThat(s.awaitingCustomerSince()).isEqualTo(gateway.clock.instant()));

        Turn answer = gateway.say(EDOC, customer, "Вот снимок, ошибка 403");

        assertThat(answer.replies()).as("the operator holds it: the bot stays silent").isEmpty();
        assertThat(answer.conversation().awaitsCustomer()).isFalse();
        assertThat(answer.conversation().operator()).isEqualTo(anna);
        assertThat(gateway.engine.closeSilent(waiting.id(), gateway.clock.instant().plus(Duration.ofDays(30))).replies()).isEmpty();
    }

    @Test
    void silenceAfterTheOperatorsQuestionClosesTheTicketWithTheActionsDone() {
        Conversation waiting = ticketOnEdoc();
        gateway.engine.takeOver(waiting.id(), anna);
        gateway.engine.reply(waiting.id(), anna, "Проверьте, пожалуйста, срок действия сертификата.");
        Turn hold = gateway.engine.awaitCustomer(waiting.id(), anna, "Сообщите, пожалуйста, текст ошибки.");
        Instant due = gateway.hours.plus(TestDesks.edoc(), hold.conversation().awaitingCustomerSince(), TestDesks.EDOC_SILENCE.after());

        List<Turn> early = gateway.engine.closeSilentConversations(EDOC, due.minusSeconds(1));
        List<Turn> closed = gateway.engine.closeSilentConversations(EDOC, due);

        assertThat(early).isEmpty();
        assertThat(closed).singleElement().satisfies(turn -> {
            assertThat(turn.conversation().state()).isEqualTo(ConversationState.CLOSED);
            assertThat(turn.conversation().operator()).isNull();
            assertThat(said(turn)).startsWith("Обращение EDOC-2026-000001 закрыто: ответ от клиента не получен. "
                            + "Мы ожидали от вас: ответ на вопрос специалиста.")
                    .contains("— получены сведения: ИИН, ФИО, БИН организации, наименование организации")
                    .contains("— обращение зарегистрировано под номером EDOC-2026-000001")
                    .contains("— сообщений специалиста: 2")
                    .doesNotContain("900101300123").doesNotContain("Ромашка");
            assertThat(actionIds(turn)).as("edoc lets the customer reopen it").containsExactly(Action.REOPEN);
        });
        assertThat(gateway.engine.open(EDOC)).isEmpty();
    }

    @Test
    void closeSilentConversationsClosesOnlyRequestsWaitingForTheCustomer() {
        CustomerAddress chatting = widget("chatting");
        CustomerAddress held = widget("held");
        gateway.say(EDOC, customer, "Не могу подписать документ");
        gateway.say(EDOC, chatting, "привет");
        gateway.say(EDOC, held, "привет");
        gateway.engine.takeOver(gateway.conversation(EDOC, held).id(), anna);

        List<Turn> closed = gateway.engine.closeSilentConversations(EDOC, Gateway.START.plus(Duration.ofDays(30)));

        assertThat(closed).extracting(t -> t.conversation().customer()).containsExactly(customer);
        assertThat(gateway.engine.open(EDOC)).extracting(s -> s.customer()).containsExactlyInAnyOrder(chatting, held);
    }

    @Test
    void desksWithoutASilenceRuleNeverCloseForSilence() {
        gateway.say(EORDER, customer, "оператор");
        Conversation asked = gateway.conversation(EORDER, customer);
        assertThat(asked.awaitsCustomer()).isTrue();
        Instant monthLater = Gateway.START.plus(Duration.ofDays(30));

        assertThat(gateway.engine.closeSilent(asked.id(), monthLater).replies()).isEmpty();
        assertThat(gateway.engine.closeSilentConversations(EORDER, monthLater)).isEmpty();
        assertThat(state(EORDER)).isEqualTo(ConversationState.ESCALATING);

        gateway.say(KONUS, customer, "Не печатается накладная");
        Conversation konus = gateway.conversation(KONUS, customer);
        gateway.engine.takeOver(konus.id(), anna);
        Turn hold = gateway.engine.awaitCustomer(konus.id(), anna, "Какой у вас принтер?");
        assertThat(hold.replies()).as("no deadline to announce").extracting(Outbound::text).containsExactly("Какой у вас принтер?");
        assertThat(hold.conversation().awaitsCustomer()).isTrue();
    }

    @Test
    void onlyTheOperatorHoldingTheConversationPutsItOnHold() {
        Conversation waiting = waitingOnInitiativa();

        assertThatThrownBy(() -> gateway.engine.awaitCustomer(waiting.id(), anna, "Уточните, пожалуйста, номер отчёта."))
                .isInstanceOf(NotHeldByOperator.class);
        gateway.engine.takeOver(waiting.id(), anna);
        assertThatThrownBy(() -> gateway.engine.awaitCustomer(waiting.id(), boris, "Уточните номер отчёта."))
                .isInstanceOf(HeldByAnotherOperator.class);
        assertThatThrownBy(() -> gateway.engine.awaitCustomer(waiting.id(), anna, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeLimitsAreToldInRussian() {
        BotPhrases phrases = BotPhrases.russian();

        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("8 business hours"))).isEqualTo("8 рабочих часов");
        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("1 business day"))).isEqualTo("1 рабочего дня");
        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("21 business days"))).isEqualTo("21 рабочего дня");
        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("11 business hours"))).isEqualTo("11 рабочих часов");
        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("0.5 business hours"))).isEqualTo("0,5 рабочего часа");
        assertThat(DialoguePolicy.within(phrases, SlaTarget.parse("15 minutes"))).isEqualTo("15 минут");
    }

    // ---- words that are not a field's value while the bot collects the ticket

    @ParameterizedTest
    @ValueSource(strings = {"отмена", "Я передумал", "не надо", "не нужно уже, спасибо"})
    void cancelWhileCollectingFieldsReturnsToTheBotPolitely(String cancel) {
        gateway.say(EDOC, customer, "Не могу подписать документ");
        gateway.say(EDOC, customer, "900101300123");

        Turn turn = gateway.say(EDOC, customer, cancel);

        assertThat(said(turn)).isEqualTo("Хорошо, не передаю вопрос специалисту. Если понадобится помощь — просто напишите ваш вопрос.");
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.BOT);
        assertThat(turn.conversation().escalation()).isNull();
        assertThat(turn.conversation().awaitsCustomer()).isFalse();
        assertThat(turn.conversation().identification()).as("what was given is kept for next time").containsOnlyKeys("iin");
        assertThat(turn.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.ESCALATION_CANCELLED);
        assertThat(gateway.tickets.requests).isEmpty();

        Turn again = gateway.say(EDOC, customer, "оператор");
        assertThat(said(again)).as("the ИИН is not asked twice").endsWith("Укажите, пожалуйста: ФИО.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"оператор", "живой человек", "позовите специалиста"})
    void askingForAPersonWhileCollectingSaysWhatIsStillNeeded(String request) {
        gateway.say(EDOC, customer, "Не могу подписать документ");
        gateway.say(EDOC, customer, "900101300123");

        Turn turn = gateway.say(EDOC, customer, request);

        assertThat(turn.replies()).extracting(Outbound::text).containsExactly(
                "Я уже готовлю обращение для специалиста. Осталось указать: ФИО, БИН организации, наименование организации, тип обращения."
                        + " Если передумали — напишите «отмена».",
                "Укажите, пожалуйста: ФИО.");
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.ESCALATING);
        assertThat(turn.conversation().identification()).doesNotContainKey("full-name");
        assertThat(turn.conversation().escalation().fieldId()).isEqualTo("full-name");
        assertThat(rules(EDOC)).contains(DecisionRule.TICKET_IN_PREPARATION);
    }

    @Test
    void thanksAloneIsNotTakenAsAFieldValue() {
        gateway.say(INITIATIVA, customer, "оператор");

        Turn thanks = gateway.say(INITIATIVA, customer, "спасибо");

        assertThat(thanks.replies()).extracting(Outbound::text).containsExactly(
                "Пожалуйста! Чтобы передать вопрос специалисту, осталось указать: описание вопроса. Если передумали — напишите «отмена».",
                "Опишите, пожалуйста, ваш вопрос или проблему подробнее.");
        assertThat(thanks.conversation().state()).isEqualTo(ConversationState.ESCALATING);
        assertThat(gateway.tickets.requests).isEmpty();

        gateway.say(INITIATIVA, customer, "Не открывается отчёт по продажам");
        assertThat(gateway.tickets.requests).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Не открывается отчёт по продажам"));
    }

    @Test
    void aValueThatMerelyContainsACancelWordIsStillTheValue() {
        gateway.say(INITIATIVA, customer, "оператор");

        gateway.say(INITIATIVA, customer, "Отмена заказа не проходит, ошибка 500");

        assertThat(state(INITIATIVA)).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(gateway.tickets.requests).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Отмена заказа не проходит, ошибка 500"));
    }

    // ---- the original question becomes the ticket's description

    @ParameterizedTest
    @ValueSource(strings = {Action.NOT_HELPED, Action.CALL_OPERATOR})
    void aChosenSuggestionThatDidNotHelpKeepsTheOriginalQuestion(String button) {
        gateway.article(INITIATIVA, "a1", "Продление ЭЦП", "Продление.");
        gateway.article(INITIATIVA, "a2", "Установка ЭЦП", "Установка.");
        gateway.helpCenter.suggest("Как настроить ЭЦП для отчётов?", 0.4, "a1", "a2");
        gateway.say(INITIATIVA, customer, "Как настроить ЭЦП для отчётов?");
        gateway.press(INITIATIVA, customer, "article:a2");

        Turn turn = gateway.press(INITIATIVA, customer, button);

        assertThat(said(turn)).doesNotContain("Опишите");
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(gateway.tickets.requests).singleElement()
                .satisfies(r -> assertThat(r.description()).isEqualTo("Как настроить ЭЦП для отчётов?"));
    }

    @Test
    void callingTheOperatorOnAnAnswerKeepsTheQuestionThroughTheIdentityFields() {
        edsArticle(EDOC);
        gateway.say(EDOC, customer, EDS_QUESTION);
        gateway.press(EDOC, customer, Action.CALL_OPERATOR);
        for (String answer : List.of("900101300123", "Иванов Иван Иванович", "123456789012", "ТОО «Ромашка»")) {
            gateway.say(EDOC, customer, answer);
        }

        Turn registered = gateway.press(EDOC, customer, "category:consultation");

        assertThat(registered.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(rules(EDOC)).doesNotContain(DecisionRule.ASKED_DESCRIPTION);
        assertThat(gateway.tickets.requests).singleElement().satisfies(r -> assertThat(r.description()).isEqualTo(EDS_QUESTION));
    }

    // ---- konus: a customer may reopen a request closed too early

    /** A konus request registered, taken by Анна and closed on Wednesday afternoon in Ulan-Ude. */
    private Conversation closedOnKonus() {
        gateway.say(KONUS, customer, "Не печатается накладная");
        Conversation c = gateway.conversation(KONUS, customer);
        assertThat(c.ticket()).isNotNull();
        gateway.engine.takeOver(c.id(), anna);
        gateway.engine.reply(c.id(), anna, "Переустановите драйвер принтера.");
        Turn closed = gateway.engine.close(c.id(), anna);
        assertThat(closed.conversation().state()).isEqualTo(ConversationState.CLOSED);
        return closed.conversation();
    }

    @ParameterizedTest
    @ValueSource(strings = {"вопрос не решен", "Проблема осталась", "всё ещё не работает"})
    void konusCustomerReopensARequestClosedTooEarlyWithTheSameTicket(String words) {
        Conversation closed = closedOnKonus();
        gateway.clock.set(Instant.parse("2026-03-12T02:00:00Z"));

        Turn turn = gateway.say(KONUS, customer, words);

        assertThat(turn.conversation().id()).isEqualTo(closed.id());
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(turn.conversation().ticket().number()).isEqualTo("KONUS-2026-000001");
        assertThat(turn.conversation().operator()).isNull();
        assertThat(said(turn)).isEqualTo("Обращение KONUS-2026-000001 открыто заново и передано специалисту. Пожалуйста, ожидайте ответа.");
        assertThat(turn.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.REOPENED);
        assertThat(gateway.console.of(ConsoleEvent.Reopened.class)).singleElement().satisfies(e -> {
            assertThat(e.ticket().number()).isEqualTo("KONUS-2026-000001");
            assertThat(e.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
        });
        assertThat(gateway.engine.open(KONUS)).extracting(s -> s.ticketNumber()).containsExactly("KONUS-2026-000001");
        assertThat(gateway.tickets.requests).as("no second ticket").hasSize(1);
    }

    @Test
    void theClosingMessageOffersReopenAndPressingItReopens() {
        Conversation closed = closedOnKonus();
        assertThat(closed.lastMessage().orElseThrow().text())
                .isEqualTo("Диалог завершён. Спасибо за обращение!\n\nЕсли вопрос по обращению KONUS-2026-000001 не решён, "
                        + "нажмите «Открыть заново» или напишите нам.");
        assertThat(closed.lastMessage().orElseThrow().actions()).extracting(Action::id).containsExactly(Action.REOPEN);

        Turn turn = gateway.press(KONUS, customer, Action.REOPEN);

        assertThat(turn.conversation().id()).isEqualTo(closed.id());
        assertThat(turn.conversation().state()).isEqualTo(ConversationState.WAITING_FOR_OPERATOR);
    }

    @Test
    void aNewQuestionAfterClosingOpensANewConversationEvenWhereReopeningIsAllowed() {
        Conversation closed = closedOnKonus();

        Turn turn = gateway.say(KONUS, customer, "Как выгрузить отчёт за месяц?");

        assertThat(turn.conversation().id()).isNotEqualTo(closed.id());
        assertThat(gateway.conversations.find(closed.id()).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void reopeningEndsFiveBusinessDaysAfterClosing() {
        Conversation closed = closedOnKonus();
        gateway.clock.set(Instant.parse("2026-03-25T02:00:00Z"));

        Turn pressed = gateway.press(KONUS, customer, Action.REOPEN);

        assertThat(pressed.conversation().id()).isNotEqualTo(closed.id());
        assertThat(said(pressed)).startsWith("Это обращение уже нельзя открыть заново.");
        assertThat(pressed.conversation().lastDecision().orElseThrow().rule()).isEqualTo(DecisionRule.REOPEN_UNAVAILABLE);
        assertThat(gateway.conversations.find(closed.id()).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void eorderDoesNotLetCustomersReopen() {
        gateway.say(EORDER, customer, "оператор");
        gateway.say(EORDER, customer, "ivanov@firm.ru");
        gateway.say(EORDER, customer, "7707083893");
        gateway.say(EORDER, customer, "Не формируется ордер");
        Conversation c = gateway.conversation(EORDER, customer);
        assertThat(c.ticket()).isNotNull();
        gateway.engine.takeOver(c.id(), anna);
        gateway.engine.close(c.id(), anna);
        Turn closed = gateway.engine.close(c.id(), anna);
        assertThat(closed.replies()).singleElement().satisfies(r -> assertThat(r.actions()).extracting(Action::id)
                .as("a rating, but no «Открыть заново»").doesNotContain(Action.REOPEN));

        Turn turn = gateway.say(EORDER, customer, "вопрос не решен");

        assertThat(turn.conversation().id()).isNotEqualTo(c.id());
        assertThat(gateway.conversations.find(c.id()).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
        assertThat(gateway.console.of(ConsoleEvent.Reopened.class)).isEmpty();
    }

    @Test
    void aConversationWithoutATicketIsNotReopened() {
        gateway.say(KONUS, customer, "привет");
        Conversation first = gateway.conversation(KONUS, customer);
        gateway.engine.close(first.id(), anna);

        Turn turn = gateway.say(KONUS, customer, "вопрос не решен");

        assertThat(turn.conversation().id()).isNotEqualTo(first.id());
    }

    // ---- illegal transitions through the engine

    @Test
    void takingOverAStoppedConversationIsIllegal() {
        gateway.say(KONUS, customer, "бля");
        Conversation stopped = gateway.conversation(KONUS, customer);

        assertThatThrownBy(() -> gateway.engine.takeOver(stopped.id(), anna))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("from SUSPENDED to WITH_OPERATOR");
    }

    @Test
    void closingAClosedConversationIsIllegal() {
        gateway.say(EDOC, customer, "привет");
        Conversation c = gateway.conversation(EDOC, customer);
        gateway.engine.close(c.id(), anna);

        assertThatThrownBy(() -> gateway.engine.close(c.id(), anna))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("from CLOSED to CLOSED");
        assertThatThrownBy(() -> gateway.engine.takeOver(c.id(), anna))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void resumingAConversationThatIsNotStoppedIsIllegal() {
        gateway.say(EDOC, customer, "привет");
        Conversation c = gateway.conversation(EDOC, customer);

        assertThatThrownBy(() -> gateway.engine.resume(c.id(), anna))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void returningToTheBotWhileAskingTheClosingQuestionIsIllegal() {
        Conversation c = heldByAnna(EORDER);
        gateway.engine.close(c.id(), anna);

        assertThatThrownBy(() -> gateway.engine.returnToBot(c.id(), anna))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("from CLOSING to BOT");
    }

    @Test
    void unknownConversationIsReported() {
        assertThatThrownBy(() -> gateway.engine.takeOver(dev.supportgateway.engine.conversation.ConversationId.of("nope"), anna))
                .isInstanceOf(ConversationNotFound.class);
    }

    @Test
    void aFailingChannelDoesNotUndoTheStoredTurn() {
        DialoguePorts failing = new DialoguePorts(new TestPorts.KnownDesks(TestDesks.all()), gateway.conversations, gateway.helpCenter,
                gateway.tickets, new TestPorts.DigitRules(), gateway.hours, gateway.tiers,
                outbound -> { throw new IllegalStateException("channel down"); }, gateway.console,
                new InProcessConversationLocks(), gateway.clock);
        ConversationEngine engine = new ConversationEngine(failing, BotPhrases.russian());

        Turn turn = engine.receive(Inbound.text(EDOC, customer, "x-1", "привет", Gateway.START));

        assertThat(turn.replies()).hasSize(1);
        assertThat(gateway.conversation(EDOC, customer).transcript()).hasSize(2);
    }
}
