package dev.supportgateway.infra.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.infra.config.GatewayProperties;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.infra.helpcenter.HelpCenterLibrary;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The public desk API: which desks there are, and their help centers' answer to a question (the {@code ask} contract). */
@RestController
@RequestMapping("/api/v1")
class DeskApi {

    /** The {@code ask} contract's object; decision and explanation only when asked for. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AskReply(String question, String answer, double confidence, List<CandidateReply> candidates,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String decision,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    }

    record CandidateReply(String id, String title, double score) {
    }

    record AskRequest(String question) {
    }

    record DeskSummary(String id, String name, String timeZone, List<String> channels, int articles) {
    }

    record ReindexReply(String desk, int articles, List<String> skipped) {
    }

    private static final int CANDIDATES = 5;

    private final DeskCatalog catalog;
    private final LuceneHelpCenter helpCenter;
    private final HelpCenterLibrary library;
    private final int maxQuestionLength;

    DeskApi(DeskCatalog catalog, LuceneHelpCenter helpCenter, HelpCenterLibrary library, GatewayProperties properties) {
        this.catalog = catalog;
        this.helpCenter = helpCenter;
        this.library = library;
        this.maxQuestionLength = properties.helpCenter().maxQuestionLength();
    }

    @GetMapping("/desks")
    List<DeskSummary> desks() {
        return catalog.all().stream().map(this::summary).toList();
    }

    @PostMapping("/desks/{desk}/ask")
    AskReply ask(@PathVariable("desk") String deskId, @RequestBody AskRequest request,
                 @RequestParam(name = "explain", defaultValue = "false") boolean explain) {
        Desk desk = known(deskId);
        String question = request == null ? null : request.question();
        if (question == null || question.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the request needs a non-empty \"question\"");
        }
        if (question.length() > maxQuestionLength) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "a question may be at most " + maxQuestionLength + " characters long");
        }
        HelpCenterAnswer answer = helpCenter.ask(desk.id(), question, CANDIDATES);
        return new AskReply(question, answer.answer(), answer.confidence(),
                answer.candidates().stream().map(c -> new CandidateReply(c.id(), c.title(), c.score())).toList(),
                explain ? answer.decision().name() : null, explain ? answer.explanation() : null);
    }

    /** Rebuilds a desk's help-center index now (the file watch does it too); for administrators. */
    @PostMapping("/admin/desks/{desk}/reindex")
    ReindexReply reindex(@PathVariable("desk") String deskId) {
        Desk desk = known(deskId);
        var set = library.reindex(desk.id());
        return new ReindexReply(desk.id().value(), set.articles().size(),
                set.problems().stream().map(p -> p.file().getFileName() + ": " + p.field() + ": " + p.message()).toList());
    }

    private Desk known(String deskId) {
        try {
            return catalog.desk(DeskId.of(deskId)).orElseThrow(() -> unknown(deskId));
        } catch (IllegalArgumentException badId) {
            throw unknown(deskId);
        }
    }

    private static ResponseStatusException unknown(String deskId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no desk '" + deskId + "'");
    }

    private DeskSummary summary(Desk desk) {
        return new DeskSummary(desk.id().value(), desk.name(), desk.timeZone().getId(),
                desk.channels().stream().filter(ChannelPolicy::enabled).map(c -> c.kind().key()).toList(),
                helpCenter.articles(desk.id()).size());
    }
}
