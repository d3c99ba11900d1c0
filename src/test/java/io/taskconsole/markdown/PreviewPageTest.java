package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.PreviewPage.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PreviewPageTest {

    @ParameterizedTest
    @EnumSource(Theme.class)
    void pageIsCompleteWithAStrictContentSecurityPolicy(Theme theme) {
        String page = PreviewPage.wrap("<p data-source-line=\"1\">Hello</p>\n", theme);

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<meta charset=\"utf-8\">")
                .contains("<meta http-equiv=\"Content-Security-Policy\" "
                        + "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
                .contains("<body class=\"markdown-body theme-" + theme.name().toLowerCase() + "\">\n"
                        + "<p data-source-line=\"1\">Hello</p>\n</body>")
                .doesNotContainIgnoringCase("<script")
                .endsWith("</html>\n");
        assertThat(page.indexOf("Content-Security-Policy")).isLessThan(page.indexOf("<style>"));
    }

    @Test
    void lightAndDarkUsePrimerColours() {
        String light = PreviewPage.css(Theme.LIGHT);
        String dark = PreviewPage.css(Theme.DARK);

        assertThat(light).isNotEqualTo(dark)
                .contains("background: #ffffff").contains("color: #1f2328").contains("#0969da");
        assertThat(dark)
                .contains("background: #0d1117").contains("color: #e6edf3").contains("#4493f8")
                .doesNotContain("#ffffff");
        assertThat(PreviewPage.wrap("", Theme.DARK)).contains(dark).contains("color-scheme\" content=\"dark\"");
    }

    @Test
    void styleCoversCodeTablesAndTaskBoxes() {
        assertThat(PreviewPage.css(Theme.LIGHT))
                .contains("pre {").contains("code {").contains("table {").contains("th, td {")
                .contains("li.task-list-item").contains(".md-blocked-image").contains("pre.md-raw-html");
    }
}
