package dev.supportgateway.infra.storage;

import java.util.List;
import java.util.Map;

/**
 * What one save of a conversation writes: its row at the new version, and the transcript entries, bot decisions
 * and feedback appended since the version read, as the parameters of their SQL statements (each row carries its
 * {@code seq_no}). The same value is applied to SQL and written to the {@link SaveJournal}.
 *
 * @param version the version the save stores
 * @param created whether the save inserts the conversation
 */
record SaveRows(String conversationId, long version, boolean created, Map<String, Object> columns,
                List<Object[]> messages, List<Object[]> decisions, List<Object[]> feedback) {

    /** Where {@code seq_no} is in a message row. */
    static final int MESSAGE_SEQ = 2;
    /** Where {@code seq_no} is in a decision or feedback row. */
    static final int ENTRY_SEQ = 1;
}
