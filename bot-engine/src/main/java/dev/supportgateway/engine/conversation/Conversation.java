package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One customer's conversation with one desk: its state, who holds it, what the bot collected, the
 * full transcript and every bot decision. Immutable: each change returns a new value, and the store
 * accepts it only over the {@code version} it was read at (optimistic locking).
 *
 * @param customerName   the name the channel knows, or null
 * @param operator       the operator holding it (WITH_OPERATOR, CLOSING), else null
 * @param tier           the customer's service tier id, or null when the desk has no tiers
 * @param identification what the customer told about themselves, by identity field id
 * @param escalation     the hand-over in progress (ESCALATING), else null
 * @param ticket         the ticket of the last escalation, or null
 * @param warnings       profanity warnings given so far
 * @param waitingSince   when the customer started waiting for a person, or null when not waiting
 * @param awaitingCustomerSince when the bot or an operator asked the customer for missing information that has
 *                       not come yet, or null: the start of the desk's silence rule
 * @param version        the store's version this value was read at; 0 for a conversation never stored
 */
public record Conversation(ConversationId id, DeskId desk, CustomerAddress customer, String customerName,
                           ConversationState state, Operator operator, String tier, Map<String, String> identification,
                           Escalation escalation, Ticket ticket, int warnings, List<Message> transcript,
                           List<BotDecision> decisions, List<Feedback> feedback, Instant openedAt, Instant updatedAt,
                           Instant waitingSince, Instant awaitingCustomerSince, long version) {

    /** The order of a customer's conversations as stores list them: the last changed first, ties broken by id. */
    public static final Comparator<Conversation> LAST_CHANGED_FIRST = Comparator.comparing(Conversation::updatedAt)
            .thenComparing(c -> c.id().value()).reversed();

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(openedAt, "openedAt");
        updatedAt = updatedAt == null ? openedAt : updatedAt;
        // insertion order kept: the console shows fields in the order they were asked
        identification = identification == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identification));
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /** A new conversation served by the bot. */
    public static Conversation open(ConversationId id, DeskId desk, CustomerAddress customer, String customerName,
                                    String tier, Instant at) {
        return new Conversation(id, desk, customer, customerName, ConversationState.BOT, null, tier, Map.of(), null,
                null, 0, List.of(), List.of(), List.of(), at, at, null, null, 0);
    }

    /**
     * Moves to {@code target}; a move {@link ConversationState#next()} does not list throws
     * {@link IllegalTransition}. Moving into the operators' queue starts the waiting clock; leaving
     * the states held by a person releases the operator. Any move ends waiting for the customer: what
     * was asked belonged to the state left.
     */
    public Conversation moveTo(ConversationState target, Instant at) {
        if (!state.canMoveTo(target)) {
            throw new IllegalTransition(id, state, target);
        }
        Instant waiting = switch (target) {
            case WAITING_FOR_OPERATOR -> waitingSince == null ? at : waitingSince;
            default -> null;
        };
        Operator holder = target == ConversationState.WITH_OPERATOR || target == ConversationState.CLOSING ? operator : null;
        Escalation collecting = target == ConversationState.ESCALATING ? escalation : null;
        return new Conversation(id, desk, customer, customerName, target, holder, tier, identification, collecting, ticket,
                warnings, transcript, decisions, feedback, openedAt, at, waiting, null, version);
    }

    /**
     * Moves to WITH_OPERATOR (or CLOSING) held by {@code by}; whatever was asked of the customer is no longer awaited,
     * unless only the holder changes (a colleague takes the chat over in the same state).
     */
    public Conversation heldBy(Operator by, ConversationState target, Instant at) {
        Objects.requireNonNull(by, "operator");
        if (target != ConversationState.WITH_OPERATOR && target != ConversationState.CLOSING) {
            throw new IllegalArgumentException("only WITH_OPERATOR and CLOSING are held by an operator, not " + target);
        }
        if (state != target && !state.canMoveTo(target)) {
            throw new IllegalTransition(id, state, target);
        }
        // a change of holder only (a colleague takes the chat over) keeps a question to the customer open
        Instant awaiting = state == target ? awaitingCustomerSince : null;
        return new Conversation(id, desk, customer, customerName, target, by, tier, identification, null, ticket,
                warnings, transcript, decisions, feedback, openedAt, at, null, awaiting, version);
    }

    /**
     * Adds a message to the transcript; a message from the customer ends waiting for them (they are not silent). An
     * internal note changes nothing else: the conversation's last change and its last message stay what the customer
     * and the desk said. Nor does a message added to a closed conversation (a rating of the service) move its last
     * change: that dates the closing, from which the windows for rating and reopening are counted.
     */
    public Conversation append(Message message) {
        List<Message> longer = new ArrayList<>(transcript);
        longer.add(message);
        Instant awaiting = message.fromCustomer() ? null : awaitingCustomerSince;
        Instant updated = message.forCustomer() && state.isOpen() ? max(updatedAt, message.at()) : updatedAt;
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                warnings, longer, decisions, feedback, openedAt, updated, waitingSince, awaiting, version);
    }

    /** Waits for the customer's answer to a question asked at {@code since} (the silence rule counts from it). */
    public Conversation awaitingCustomer(Instant since) {
        Objects.requireNonNull(since, "since");
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                warnings, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, since, version);
    }

    /** Whether a question to the customer is unanswered. */
    public boolean awaitsCustomer() {
        return awaitingCustomerSince != null;
    }

    public Conversation record(BotDecision decision) {
        List<BotDecision> longer = new ArrayList<>(decisions);
        longer.add(decision);
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                warnings, transcript, longer, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    public Conversation record(Feedback verdict) {
        List<Feedback> longer = new ArrayList<>(feedback);
        longer.add(verdict);
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                warnings, transcript, decisions, longer, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    public Conversation withEscalation(Escalation value) {
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, value, ticket,
                warnings, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    public Conversation identified(String fieldId, String value) {
        Map<String, String> more = new LinkedHashMap<>(identification);
        more.put(fieldId, value);
        return new Conversation(id, desk, customer, customerName, state, operator, tier, more, escalation, ticket,
                warnings, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    public Conversation withTicket(Ticket value) {
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, value,
                warnings, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    public Conversation withWarnings(int count) {
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                count, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, version);
    }

    /** The value as the store holds it after a save. */
    public Conversation withVersion(long stored) {
        return new Conversation(id, desk, customer, customerName, state, operator, tier, identification, escalation, ticket,
                warnings, transcript, decisions, feedback, openedAt, updatedAt, waitingSince, awaitingCustomerSince, stored);
    }

    public boolean heldBy(Operator someone) {
        return operator != null && operator.id().equals(someone.id());
    }

    public Optional<Message> message(MessageId messageId) {
        return lastMessage(m -> m.id().equals(messageId));
    }

    /** The last message the customer and the desk exchanged; operators' internal notes do not count. */
    public Optional<Message> lastMessage() {
        return lastMessage(Message::forCustomer);
    }

    /**
     * The latest message that is {@code such}: searched from the end, where the one asked for nearly always is, in
     * transcripts that grow long.
     */
    public Optional<Message> lastMessage(Predicate<Message> such) {
        for (int i = transcript.size() - 1; i >= 0; i--) {
            if (such.test(transcript.get(i))) {
                return Optional.of(transcript.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<BotDecision> lastDecision() {
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.getLast());
    }

    /** Whether a customer message with this channel id is already in the transcript. */
    public boolean received(String externalId) {
        // a loop, not a stream: asked for every inbound message, over transcripts that only grow
        for (Message m : transcript) {
            if (m.fromCustomer() && externalId.equals(m.externalId())) {
                return true;
            }
        }
        return false;
    }

    public ConversationSummary summary() {
        return new ConversationSummary(id, desk, customer, customerName, state, operator, tier,
                ticket == null ? null : ticket.number(), waitingSince, lastMessage().map(Message::at).orElse(openedAt),
                awaitingCustomerSince, ticket == null ? null : ticket.firstReplyDue());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Without identification values and messages: personal data. */
    @Override
    public String toString() {
        return "Conversation[id=" + id + ", desk=" + desk + ", customer=" + customer + ", state=" + state
                + ", operator=" + (operator == null ? null : operator.id()) + ", tier=" + tier
                + ", identification=" + identification.keySet() + ", escalation=" + escalation
                + ", ticket=" + (ticket == null ? null : ticket.number()) + ", messages=" + transcript.size()
                + ", awaitingCustomerSince=" + awaitingCustomerSince
                + ", version=" + version + "]";
    }
}
