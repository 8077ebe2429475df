package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.dialogue.ArticleNotFound;
import dev.supportgateway.engine.dialogue.ConversationNotFound;
import dev.supportgateway.engine.dialogue.ForbiddenWordsInReply;
import dev.supportgateway.engine.dialogue.HeldByAnotherOperator;
import dev.supportgateway.engine.dialogue.NotHeldByOperator;
import jakarta.servlet.MultipartConfigElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** How the console's API answers what it refuses: a status and a Russian sentence for the operator ({@code {"error"}}). */
@RestControllerAdvice(basePackageClasses = ConsoleProblems.class)
// before Spring Boot's problem-details advice, which answers a too large upload in its own words
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ConsoleProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProblems.class);

    /** The body of every refusal. */
    record Problem(String error) {
    }

    private final long maxFileSize;

    ConsoleProblems(MultipartConfigElement fileLimits) {
        this.maxFileSize = fileLimits.getMaxFileSize();
    }

    /** A file over the web server's multipart limits ({@code gateway.widget.max-attachment-size}). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(new Problem("Файл слишком большой: можно до " + sizeInWords(maxFileSize)));
    }

    static String sizeInWords(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " МБ" : Math.max(1, bytes / 1024) + " КБ";
    }

    @ExceptionHandler(HeldByAnotherOperator.class)
    ResponseEntity<Problem> held(HeldByAnotherOperator e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new Problem("Этот чат уже ведёт оператор " + e.holder().displayName()));
    }

    @ExceptionHandler(NotHeldByOperator.class)
    ResponseEntity<Problem> notHeld(NotHeldByOperator e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("Сначала возьмите чат"));
    }

    @ExceptionHandler(ForbiddenWordsInReply.class)
    ResponseEntity<Problem> forbidden(ForbiddenWordsInReply e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new Problem("В ответе есть слова, недопустимые для службы: " + String.join(", ", e.words())));
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Problem> transition(IllegalTransition e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("Это действие недоступно в текущем состоянии чата"));
    }

    @ExceptionHandler(ArticleNotFound.class)
    ResponseEntity<Problem> noArticle(ArticleNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Такой статьи в справочном центре службы нет"));
    }

    @ExceptionHandler({ConversationNotFound.class, ConsoleAccess.NotYourDesk.class})
    ResponseEntity<Problem> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Чат не найден"));
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    ResponseEntity<Problem> unavailable(UnsupportedOperationException e) {
        LOG.warn("console command not available yet: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Problem("Действие пока недоступно"));
    }
}
