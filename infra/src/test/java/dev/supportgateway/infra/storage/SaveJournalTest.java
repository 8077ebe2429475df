package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of saves: what is forced to disk comes back in order; a record torn by a killed process does not. */
class SaveJournalTest {

    @TempDir
    Path folder;

    @Test
    void savesComeBackInTheOrderTheyWereWrittenWithEveryValueType() {
        SaveJournal journal = new SaveJournal(folder);
        assertThat(journal.open()).isEmpty();
        journal.append(records(save("c-1", 1, "первое сообщение"), save("c-2", 1, "второе")));
        journal.append(records(save("c-1", 2, "текст с \"кавычками\" и\nпереводом строки")));
        journal.finish();

        List<SaveRows> recorded = new SaveJournal(folder).recorded();

        assertThat(recorded).extracting(SaveRows::conversationId, SaveRows::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c-1", 1L), org.assertj.core.groups.Tuple.tuple("c-2", 1L),
                        org.assertj.core.groups.Tuple.tuple("c-1", 2L));
        SaveRows last = recorded.get(2);
        assertThat(last.columns()).isEqualTo(save("c-1", 2, "").columns());
        assertThat(last.entries()).isEqualTo(save("c-1", 2, "текст с \"кавычками\" и\nпереводом строки").entries());
        assertThat(last.received()).containsExactly("tg-2");
    }

    @Test
    void aRecordOfAnEarlierFormatStopsTheReplayWithAMessageInsteadOfBeingSkipped() throws IOException {
        SaveJournal journal = new SaveJournal(folder);
        journal.open();
        journal.append(records(save("c-1", 1, "один")));
        Path file = journal.finish();
        byte[] record = new byte[] {0, 0, 0, 3, 'c', '-', '1'};
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(record);
        java.nio.ByteBuffer earlier = java.nio.ByteBuffer.allocate(8 + record.length)
                .putInt(record.length).putInt((int) crc.getValue()).put(record);
        Files.write(file, earlier.array(), java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new SaveJournal(folder).recorded())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("format of an earlier version of the gateway")
                .hasMessageContaining(file.getFileName().toString());
    }

    @Test
    void aWriterInterruptedAsTheWebServerStopsLeavesTheJournalWritable() {
        SaveJournal journal = new SaveJournal(folder);
        journal.open();
        Thread.currentThread().interrupt();
        try {
            journal.append(records(save("c-1", 1, "один")));
        } finally {
            Thread.interrupted();
        }
        journal.append(records(save("c-1", 2, "два")));
        journal.finish();

        assertThat(new SaveJournal(folder).recorded()).extracting(SaveRows::version).containsExactly(1L, 2L);
    }

    @Test
    void aRecordTornByAKilledProcessEndsTheReplayOfItsFileAndTheRecordsBeforeItAreKept() throws IOException {
        SaveJournal journal = new SaveJournal(folder);
        journal.open();
        journal.append(records(save("c-1", 1, "один"), save("c-1", 2, "два"), save("c-1", 3, "три")));
        Path file = journal.finish();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        assertThat(new SaveJournal(folder).recorded()).extracting(SaveRows::version).containsExactly(1L, 2L);
    }

    @Test
    void aRecordWhoseChecksumFailsIsNotReplayed() throws IOException {
        SaveJournal journal = new SaveJournal(folder);
        journal.open();
        journal.append(records(save("c-1", 1, "один")));
        journal.append(records(save("c-1", 2, "два")));
        Path file = journal.finish();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(file, bytes);

        assertThat(new SaveJournal(folder).recorded()).extracting(SaveRows::version).containsExactly(1L);
    }

    @Test
    void aReopenedJournalWritesAfterTheFilesItFoundAndReturnsThemForDeletion() {
        SaveJournal first = new SaveJournal(folder);
        first.open();
        first.append(records(save("c-1", 1, "один")));
        Path old = first.finish();

        SaveJournal second = new SaveJournal(folder);
        assertThat(second.open()).containsExactly(old);
        second.append(records(save("c-1", 2, "два")));
        assertThat(second.currentFile().getFileName().toString()).isGreaterThan(old.getFileName().toString());
        second.delete(List.of(old));
        second.finish();

        assertThat(new SaveJournal(folder).recorded()).extracting(SaveRows::version).containsExactly(2L);
    }

    /** The journal records of the saves, encoded as the writer's callers encode them. */
    private static List<byte[]> records(SaveRows... saves) {
        List<byte[]> records = new java.util.ArrayList<>();
        for (SaveRows save : saves) {
            try {
                records.add(SaveJournal.encode(save));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return records;
    }

    private static SaveRows save(String id, long version, String text) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("state", "BOT");
        columns.put("operator_id", null);
        columns.put("warnings", 0);
        columns.put("version", version);
        columns.put("updated_at", OffsetDateTime.of(2026, 3, 2, 5, 0, 0, 123_456_000, ZoneOffset.UTC));
        int from = (int) version - 1;
        return new SaveRows(id, version, version == 1, columns,
                new SaveRows.Entries(from, List.of("{\"id\":\"m-" + version + "\",\"text\":\"" + text.replace("\"", "\\\"")
                        .replace("\n", "\\n") + "\"}"), from, List.of("{\"rule\":\"ASKED_CATEGORY\",\"confidence\":0.93}"), 0, List.of()),
                List.of("tg-" + version));
    }
}
