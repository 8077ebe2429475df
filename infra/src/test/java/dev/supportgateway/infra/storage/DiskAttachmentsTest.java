package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.conversation.Attachment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskAttachmentsTest {

    @TempDir
    Path folder;

    @Test
    void aKeptFileReadsBackByItsReferenceWithItsSize() throws IOException {
        DiskAttachments attachments = new DiskAttachments(folder);
        byte[] screenshot = Files.readAllBytes(Path.of("src/test/resources/files/error-screenshot.png"));

        Attachment kept = attachments.keep("Снимок экрана.png", "image/png", new ByteArrayInputStream(screenshot));

        assertThat(kept.name()).isEqualTo("Снимок экрана.png");
        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(kept.size()).isEqualTo(screenshot.length);
        try (InputStream back = attachments.open(kept.storageRef()).orElseThrow()) {
            assertThat(back.readAllBytes()).isEqualTo(screenshot);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .as("nothing half-written is left").containsExactly(kept.storageRef());
        }
    }

    @Test
    void aFileNoMessageReferencesIsDiscarded() throws IOException {
        DiskAttachments attachments = new DiskAttachments(folder);
        Attachment kept = attachments.keep("log.txt", "text/plain", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(folder.resolve("secret.txt"), "не трогать");

        attachments.discard(kept.storageRef());
        attachments.discard("../secret.txt");

        assertThat(attachments.open(kept.storageRef())).isEmpty();
        assertThat(folder.resolve("secret.txt")).exists();
    }

    @Test
    void aNameKeepsNoFoldersOrControlCharacters() throws IOException {
        DiskAttachments attachments = new DiskAttachments(folder);

        Attachment kept = attachments.keep("..\\\\..\\\\windows/../../etc/pass\u0000wd\n", "text/plain",
                new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));

        assertThat(kept.name()).isEqualTo("passwd");
    }

    @Test
    void aReferenceThatIsNotOneOfOursOpensNothing() throws IOException {
        DiskAttachments attachments = new DiskAttachments(folder);
        Files.writeString(folder.resolve("secret.txt"), "не для клиентов");

        assertThat(attachments.open("../secret.txt")).isEmpty();
        assertThat(attachments.open("0123456789abcdef0123456789abcdef")).isEmpty();
        assertThat(attachments.open(null)).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadToTheEndLeavesNothingBehind() throws IOException {
        DiskAttachments attachments = new DiskAttachments(folder);
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 100) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> attachments.keep("log.txt", "text/plain", broken))
                .isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
