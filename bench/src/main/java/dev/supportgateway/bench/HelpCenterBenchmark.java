package dev.supportgateway.bench;

import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import dev.supportgateway.faq.LuceneHelpCenter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Latency of {@code ask} and build time of the index on a synthetic 10,000-article desk, within a 256 MB heap. */
public class HelpCenterBenchmark {

    static final int ARTICLES = 10_000;
    static final long SEED = 20_240_601L;

    /** A help center with the 10k desk loaded, and the questions to cycle through. */
    @State(Scope.Benchmark)
    public static class LoadedDesk {
        LuceneHelpCenter helpCenter;
        List<String> questions;
        int next;

        @Setup(Level.Trial)
        public void load() {
            helpCenter = new LuceneHelpCenter();
            helpCenter.load(SyntheticDesk.DESK, SyntheticDesk.generate(ARTICLES, SEED));
            questions = SyntheticDesk.questions(SEED);
            reportRetainedHeap("index + engine for " + ARTICLES + " articles");
        }

        @TearDown(Level.Trial)
        public void close() {
            helpCenter.close();
        }

        String nextQuestion() {
            String question = questions.get(next);
            next = (next + 1) % questions.size();
            return question;
        }
    }

    /** The articles, generated before the measured build. */
    @State(Scope.Benchmark)
    public static class Articles {
        List<Article> articles;

        @Setup(Level.Trial)
        public void generate() {
            articles = SyntheticDesk.generate(ARTICLES, SEED);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(value = 1, jvmArgs = {"-Xmx256m", "-Xms256m"})
    public HelpCenterAnswer ask(LoadedDesk desk) {
        return desk.helpCenter.ask(SyntheticDesk.DESK, desk.nextQuestion(), 5);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    @Fork(value = 1, jvmArgs = {"-Xmx256m", "-Xms256m"})
    public LuceneHelpCenter buildIndex(Articles articles) {
        LuceneHelpCenter helpCenter = new LuceneHelpCenter();
        helpCenter.load(SyntheticDesk.DESK, articles.articles);
        helpCenter.close();
        return helpCenter;
    }

    static void reportRetainedHeap(String what) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("%n# retained heap after GC, %s: %.1f MB%n", what, used / (1024.0 * 1024.0));
    }
}
