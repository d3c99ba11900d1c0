package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CriteriaDocumentTest {

    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("AC-1", "Export works", false, "task.md", 7, List.of(
                    new Criterion("AC-1.1", "as **CSV**", true, "task.md", 8, List.of()))),
            new Criterion("AC-2", "p95 under 200 ms", false, "design-spec.md", 3, List.of()));

    @Test
    void markdownListsIdsNestedWithStateAndSource() {
        String markdown = new CriteriaDocument(CRITERIA).toMarkdown();

        assertThat(markdown).startsWith("# Acceptance criteria\n\nCite these ids (for example `AC-1`)")
                .contains("3 criteria from task.md and design-spec.md.")
                .contains("""
                        - [ ] **AC-1** Export works _(task.md, line 7)_
                          - [x] **AC-1.1** as **CSV** _(task.md, line 8)_
                        - [ ] **AC-2** p95 under 200 ms _(design-spec.md, line 3)_
                        """);
    }

    @Test
    void markdownReadsBackAsTheSameTree() {
        String markdown = new CriteriaDocument(CRITERIA).toMarkdown();

        List<Criterion> reread = new CriteriaExtractor().extract(List.of(new TaskFile(TaskFile.TASK_MD, markdown)));

        assertThat(reread).extracting(Criterion::id).containsExactly("AC-1", "AC-2");
        assertThat(reread.get(0).children()).singleElement()
                .satisfies(child -> assertThat(child.checked()).isTrue());
        assertThat(reread.get(1).text()).startsWith("**AC-2** p95 under 200 ms");
    }

    @Test
    void saysClearlyWhenThereAreNone() {
        String markdown = new CriteriaDocument(List.of()).toMarkdown();

        assertThat(markdown).contains("No acceptance criteria were found").doesNotContain("AC-");
        assertThat(new CriteriaDocument(List.of()).toJson().strip()).isEqualTo("[ ]");
    }

    @Test
    void jsonIsAnArrayOfNestedObjects() {
        JsonNode json = JsonMapper.builder().build().readTree(new CriteriaDocument(CRITERIA).toJson());

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        JsonNode first = json.get(0);
        assertThat(first.propertyNames()).containsExactly("id", "text", "checked", "source", "line", "children");
        assertThat(first.get("id").asString()).isEqualTo("AC-1");
        assertThat(first.get("checked").asBoolean()).isFalse();
        assertThat(first.get("line").asInt()).isEqualTo(7);
        JsonNode child = first.get("children").get(0);
        assertThat(child.get("id").asString()).isEqualTo("AC-1.1");
        assertThat(child.get("text").asString()).isEqualTo("as **CSV**");
        assertThat(child.get("checked").asBoolean()).isTrue();
        assertThat(child.get("children")).isEmpty();
        assertThat(json.get(1).get("source").asString()).isEqualTo("design-spec.md");
    }

    @Test
    void oneCriterionIsCountedInTheSingular() {
        String markdown = new CriteriaDocument(List.of(CRITERIA.get(1))).toMarkdown();

        assertThat(markdown).contains("1 criterion from design-spec.md.");
    }
}
