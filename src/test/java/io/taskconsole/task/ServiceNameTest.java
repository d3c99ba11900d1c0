package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNameTest {

    @Test
    void underscoresAndCapitalsAreRefusedWithTheDnsNameToUseInstead() {
        assertThatThrownBy(() -> ServiceName.parse("Auth_Service"))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("'Auth_Service'").contains("DNS-1123");
                    assertThat(e.fix()).isEqualTo("Use 'auth-service' instead.");
                    assertThat(e.oneLine()).contains("Auth_Service").contains("auth-service");
                });
    }

    @Test
    void aNameOfSixtyFourCharactersIsTooLongAndTheSuggestionFits() {
        String tooLong = "a".repeat(64);
        assertThatThrownBy(() -> ServiceName.parse(tooLong))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).contains("longer than 63 characters");
                    assertThat(e.fix()).isEqualTo("Use '" + "a".repeat(63) + "' instead.");
                });
        assertThat(ServiceName.parse("a".repeat(63)).value()).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-auth", "auth-", "-auth-"})
    void leadingOrTrailingDashesAreRefusedAndTheSuggestionDropsThem(String name) {
        assertThatThrownBy(() -> ServiceName.parse(name))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).contains("'" + name + "'")
                            .contains("starting and ending with a letter or digit");
                    assertThat(e.fix()).isEqualTo("Use 'auth' instead.");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyNameSaysItIsEmpty(String name) {
        assertThatThrownBy(() -> ServiceName.parse(name))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Service name '' is empty");
                    assertThat(e.fix()).isEqualTo("Use 'my-service' instead.");
                });
        assertThatThrownBy(() -> new ServiceName(null)).isInstanceOf(TaskConsoleException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth-service", "a", "9", "billing2", "a-b-c", "x--y"})
    void validNamesAreKeptAsWritten(String name) {
        assertThat(ServiceName.parse(name).value()).isEqualTo(name);
        assertThat(ServiceName.isValid(name)).isTrue();
    }

    @Test
    void surroundingSpacesAreTrimmedBeforeChecking() {
        assertThat(ServiceName.parse("  payments ").value()).isEqualTo("payments");
    }

    @Test
    void suggestionsAreThemselvesValid() {
        for (String bad : new String[] {"Auth_Service", "  My Service!! ", "___", "Ärger-Dienst", "-".repeat(70),
                "ab-".repeat(30)}) {
            assertThat(ServiceName.isValid(ServiceName.suggest(bad))).as(bad).isTrue();
        }
    }
}
