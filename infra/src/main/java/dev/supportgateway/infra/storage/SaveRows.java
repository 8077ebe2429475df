package dev.supportgateway.infra.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one save of a conversation writes: its row at the new version, the transcript entries, bot decisions and
 * feedback appended since the version read as one {@link Entries} batch, and the channel ids of the new customer
 * messages (the inbound idempotency keys). The same value is applied to SQL and written to the {@link SaveJournal}.
 *
 * @param version the version the save stores
 * @param created whether the save inserts the conversation (SQL does not have it yet)
 * @param received the external ids of the customer messages among the new entries
 */
record SaveRows(String conversationId, long version, boolean created, Map<String, Object> columns, Entries entries,
                List<String> received) {

    SaveRows {
        // column values may be null, which Map.copyOf refuses
        columns = Collections.unmodifiableMap(new HashMap<>(columns));
        received = List.copyOf(received);
    }

    /**
     * Entries appended to a conversation, each list as the JSON objects of its entries in order, with the number of
     * entries of that list stored before them.
     */
    record Entries(int messagesFrom, List<String> messages, int decisionsFrom, List<String> decisions,
                   int feedbackFrom, List<String> feedback) {

        Entries {
            messages = List.copyOf(messages);
            decisions = List.copyOf(decisions);
            feedback = List.copyOf(feedback);
        }

        boolean isEmpty() {
            return messages.isEmpty() && decisions.isEmpty() && feedback.isEmpty();
        }

        /** The length of the entries' JSON. */
        int chars() {
            int chars = 0;
            for (List<String> list : List.of(messages, decisions, feedback)) {
                for (String entry : list) {
                    chars += entry.length();
                }
            }
            return chars;
        }

        /**
         * These entries as consecutive batches, each list in pieces of at most {@code maxChars} of JSON (an entry longer
         * than that alone), so that no stored text outgrows what a column takes.
         */
        List<Entries> split(int maxChars) {
            if (chars() <= maxChars) {
                return List.of(this);
            }
            List<List<String>> m = pieces(messages, maxChars);
            List<List<String>> d = pieces(decisions, maxChars);
            List<List<String>> f = pieces(feedback, maxChars);
            List<Entries> split = new ArrayList<>();
            int mFrom = messagesFrom;
            int dFrom = decisionsFrom;
            int fFrom = feedbackFrom;
            for (int k = 0; k < Math.max(m.size(), Math.max(d.size(), f.size())); k++) {
                List<String> mk = k < m.size() ? m.get(k) : List.of();
                List<String> dk = k < d.size() ? d.get(k) : List.of();
                List<String> fk = k < f.size() ? f.get(k) : List.of();
                split.add(new Entries(mFrom, mk, dFrom, dk, fFrom, fk));
                mFrom += mk.size();
                dFrom += dk.size();
                fFrom += fk.size();
            }
            return split;
        }

        private static List<List<String>> pieces(List<String> entries, int maxChars) {
            List<List<String>> pieces = new ArrayList<>();
            List<String> piece = new ArrayList<>();
            int chars = 0;
            for (String entry : entries) {
                if (!piece.isEmpty() && chars + entry.length() > maxChars) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                    chars = 0;
                }
                piece.add(entry);
                chars += entry.length();
            }
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            return pieces;
        }

        /** How many entries the conversation has after these, of all three lists: orders its batches. */
        int end() {
            return messagesEnd() + decisionsEnd() + feedbackEnd();
        }

        int messagesEnd() {
            return messagesFrom + messages.size();
        }

        int decisionsEnd() {
            return decisionsFrom + decisions.size();
        }

        int feedbackEnd() {
            return feedbackFrom + feedback.size();
        }
    }
}
