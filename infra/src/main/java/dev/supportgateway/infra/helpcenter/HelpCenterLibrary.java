package dev.supportgateway.infra.helpcenter;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.faq.LuceneHelpCenter;
import dev.supportgateway.faq.article.ArticleSet;
import dev.supportgateway.infra.config.GatewayProperties;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps each desk's help-center index in step with its article folder: indexes every desk on start,
 * then watches the folders and rebuilds a desk a moment after its files stop changing. Answers keep
 * coming from the old index while the new one is built.
 */
public class HelpCenterLibrary implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(HelpCenterLibrary.class);

    private final LuceneHelpCenter helpCenter;
    private final DeskCatalog catalog;
    private final GatewayProperties.HelpCenter settings;
    private final Map<DeskId, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private volatile boolean running;
    private final ScheduledExecutorService rebuilds;
    private WatchService watcher;
    private Thread watchThread;

    /** @param rebuilds the thread rebuilds run on; this owns it from now on and shuts it down when it stops */
    public HelpCenterLibrary(LuceneHelpCenter helpCenter, DeskCatalog catalog, GatewayProperties.HelpCenter settings,
                             ScheduledExecutorService rebuilds) {
        this.helpCenter = helpCenter;
        this.catalog = catalog;
        this.settings = settings;
        this.rebuilds = rebuilds;
    }

    /** Rebuilds the desk's index from its folder now and returns what was loaded (faq-index logs what it skipped). */
    public ArticleSet reindex(DeskId desk) {
        return helpCenter.load(desk, catalog.articleFolder(desk));
    }

    @Override
    public void start() {
        catalog.desks().keySet().forEach(this::reindex);
        if (settings.watchArticles()) {
            watchFolders();
        }
        running = true;
    }

    private void watchFolders() {
        Map<WatchKey, DeskId> keys = new HashMap<>();
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (DeskId desk : catalog.desks().keySet()) {
                Path folder = catalog.articleFolder(desk);
                keys.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), desk);
            }
        } catch (IOException e) {
            LOG.warn("article folders are not watched ({}); rebuild a desk with POST /api/v1/admin/desks/{{desk}}/reindex", e.toString());
            return;
        }
        watchThread = Thread.ofPlatform().name("help-center-watch").daemon().start(() -> {
            try {
                while (true) {
                    WatchKey key = watcher.take();
                    key.pollEvents();
                    DeskId desk = keys.get(key);
                    if (desk != null) {
                        scheduleRebuild(desk);
                    }
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                // stopping
            }
        });
    }

    private void scheduleRebuild(DeskId desk) {
        // Editors write a file in several steps; wait until the folder is quiet before rebuilding.
        pending.compute(desk, (d, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return rebuilds.schedule(() -> {
                try {
                    reindex(d);
                } catch (RuntimeException e) {
                    LOG.error("desk {}: help center rebuild failed, the previous index stays in use", d, e);
                }
            }, settings.reindexDelay().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (watcher != null) {
                watcher.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the article watcher", e);
        }
        rebuilds.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Before the web server (which starts last) so that the first question already finds the index.
        return 0;
    }
}
