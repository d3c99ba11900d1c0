package io.taskconsole.bench;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.MarkdownRenderer;
import io.taskconsole.markdown.RenderedMarkdown;
import io.taskconsole.task.TaskFile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Preview rendering (parse, preview blocks, outline and word count) and criteria extraction of a
 * 10 KB, 200 KB and 1 MB {@code task.md}: the work the UI does off the FX thread after each
 * (debounced) edit. Drawing the blocks on screen is on the FX thread and shows in the typing pauses
 * of {@code FxResponsivenessBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MarkdownBenchmark {

    @Param({"10", "200", "1024"})
    public int kilobytes;

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final CriteriaExtractor extractor = new CriteriaExtractor();
    private String markdown;
    private TaskFile taskMd;

    @Setup
    public void setUp() {
        markdown = SampleMarkdown.ofSize(kilobytes * 1024);
        taskMd = new TaskFile(TaskFile.TASK_MD, markdown);
    }

    @Benchmark
    public RenderedMarkdown render() {
        return renderer.render(markdown);
    }

    @Benchmark
    public List<Criterion> extractCriteria() {
        return extractor.extract(List.of(taskMd));
    }
}
