package io.taskconsole.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/bad-input.md} equal to the {@link BadInputCase}s of the test suite: the document
 * is generated from the annotations, so it cannot list a case no test proves, miss one, or quote a
 * message other than the one the test asserts. After changing a case, regenerate it with
 * {@code mvn -o test -Dtest=BadInputCatalogueTest -Dbadinput.write=true}.
 */
class BadInputCatalogueTest {

    static final Path DOC = Path.of("docs/bad-input.md");
    static final int MINIMUM_CASES = 60;

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.taskconsole");

    record Entry(BadInputCase annotation, JavaMethod method) {
        String test() {
            return method.getOwner().getSimpleName() + "." + method.getName();
        }

        String path() {
            return "src/test/java/" + method.getOwner().getName().replace('.', '/') + ".java";
        }
    }

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (var type : TESTS) {
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(BadInputCase.class)) {
                    entries.add(new Entry(method.reflect().getAnnotation(BadInputCase.class), method));
                }
            }
        }
        entries.sort(Comparator.comparingInt((Entry e) -> BadInput.AREAS.indexOf(e.annotation().area()))
                .thenComparing(e -> e.annotation().id()));
        return entries;
    }

    @Test
    void theDocumentIsGeneratedFromTheTests() throws IOException {
        String generated = render(entries());
        if (Boolean.getBoolean("badinput.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.isRegularFile(DOC)).as(DOC + " exists").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is out of date; regenerate it with -Dtest=BadInputCatalogueTest -Dbadinput.write=true")
                .isEqualTo(generated);
    }

    @Test
    void thereAreEnoughCasesWithUniqueIdsInKnownAreas() {
        List<Entry> entries = entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(MINIMUM_CASES);
        assertThat(entries).extracting(e -> e.annotation().id()).doesNotHaveDuplicates();
        assertThat(entries).allSatisfy(e -> assertThat(BadInput.AREAS).as(e.test()).contains(e.annotation().area()));
    }

    @Test
    void everyCaseAssertsItsMessageThroughBadInputShows() {
        List<String> unchecked = entries().stream()
                .filter(e -> e.method().getOwner().getCodeUnits().stream()
                        .filter(unit -> unit.equals(e.method()) || unit.getName().startsWith("lambda$" + e.method().getName() + "$"))
                        .flatMap(unit -> unit.getMethodCallsFromSelf().stream())
                        .noneMatch(call -> call.getTargetOwner().isEquivalentTo(BadInput.class)
                                && call.getName().equals("shows")))
                .map(Entry::test)
                .toList();
        assertThat(unchecked).as("@BadInputCase tests that never call BadInput.shows").isEmpty();
    }

    @Test
    void placeholdersMatchAnyTextAndTheRestLiterally() {
        assertThat(BadInput.pattern("Missing task.yaml in <folder> (x)").matcher("Missing task.yaml in /tmp/a b (x)").matches())
                .isTrue();
        assertThat(BadInput.pattern("a.b").matcher("axb").matches()).isFalse();
    }

    static String render(List<Entry> entries) {
        Map<String, List<Entry>> byArea = new TreeMap<>(Comparator.comparingInt(BadInput.AREAS::indexOf));
        entries.forEach(e -> byArea.computeIfAbsent(e.annotation().area(), a -> new ArrayList<>()).add(e));
        StringBuilder md = new StringBuilder();
        md.append("# Bad inputs and faults: what the user sees\n\n")
                .append("Every case below is proved by the test named in its row: the test provokes the input or fault\n")
                .append("and asserts, through `BadInput.shows`, that the user sees exactly the sentence quoted here.\n")
                .append("This file is generated from the tests' `@BadInputCase` annotations and checked by\n")
                .append("`BadInputCatalogueTest`; after changing a case, regenerate it with\n\n")
                .append("```sh\nmvn -o test -Dtest=BadInputCatalogueTest -Dbadinput.write=true\n```\n\n")
                .append("`<name>` stands for a part that differs per run (a path, a port, a pid). Messages are shown as the\n")
                .append("CLI prints them on stderr and the app in its error banner (what failed, where, how to fix it);\n")
                .append("CLI exit codes: 2 for bad input, 1 for a failure outside the input.\n\n")
                .append(entries.size()).append(" cases: ")
                .append(byArea.entrySet().stream().map(a -> a.getKey() + " " + a.getValue().size())
                        .collect(Collectors.joining(", ")))
                .append(".\n");
        for (Map.Entry<String, List<Entry>> area : byArea.entrySet()) {
            md.append("\n## ").append(area.getKey()).append("\n\n");
            md.append("| Case | Input or fault | What the user sees | Proved by |\n|---|---|---|---|\n");
            for (Entry e : area.getValue()) {
                BadInputCase c = e.annotation();
                md.append("| `").append(c.id()).append("` | ").append(cell(c.input()))
                        .append(" | ").append(cell(c.shows()))
                        .append(c.outcome().isEmpty() ? "" : "<br>_" + cell(c.outcome()) + "_")
                        .append(" | [").append(e.test()).append("](../").append(e.path()).append(") |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }
}
