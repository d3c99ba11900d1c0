package io.taskconsole.submit;

import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * How the files helm and the init script read back are written: no document marker, quotes only
 * where needed, and a string that looks like a number (a service named 123, a title 1e3) quoted
 * so it stays a string when read back.
 */
final class HelmReadableYaml {

    private HelmReadableYaml() {
    }

    static YAMLMapper.Builder builder() {
        return YAMLMapper.builder()
                .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS);
    }
}
