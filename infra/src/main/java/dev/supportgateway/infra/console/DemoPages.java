package dev.supportgateway.infra.console;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The start page (links to the demos and the console) and {@code /demo/{desk}}: a page with that desk's widget. */
@Controller
class DemoPages {

    private final DeskCatalog catalog;

    DemoPages(DeskCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String index() {
        String links = catalog.all().stream().filter(DemoPages::offersWidget)
                .map(d -> "<li><a href=\"/demo/" + d.id().value() + "\">" + HtmlUtils.htmlEscape(d.name()) + "</a></li>")
                .collect(Collectors.joining("\n"));
        return page("Шлюз поддержки", "<h1>Шлюз поддержки</h1>\n<h2>Виджет на сайте службы</h2>\n<ul>\n" + links
                + "\n</ul>\n<p><a href=\"/console\">Консоль оператора</a></p>", "");
    }

    @GetMapping(value = "/demo/{desk}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> demo(@PathVariable String desk) {
        Optional<Desk> found;
        try {
            found = catalog.desk(DeskId.of(desk)).filter(DemoPages::offersWidget);
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(page("Не найдено", "<h1>Такой службы поддержки нет</h1><p><a href=\"/\">На главную</a></p>", ""));
        }
        Desk d = found.get();
        String name = HtmlUtils.htmlEscape(d.name());
        return ResponseEntity.ok(page(name, "<h1>" + name + "</h1>\n<p>Демонстрационная страница: виджет поддержки в правом нижнем углу.</p>"
                + "\n<p><a href=\"/\">Все службы</a></p>",
                "<script src=\"/widget.js\" data-desk=\"" + d.id().value() + "\" defer></script>"));
    }

    @GetMapping("/console")
    String console() {
        return "forward:/console/index.html";
    }

    private static boolean offersWidget(Desk desk) {
        return desk.channel(ChannelKind.WIDGET).map(ChannelPolicy::enabled).orElse(false);
    }

    private static String page(String title, String body, String scripts) {
        return """
                <!doctype html>
                <html lang="ru"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2933}</style>
                %s
                </head><body>
                %s
                </body></html>
                """.formatted(title, scripts, body);
    }
}
