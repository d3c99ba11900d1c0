package io.taskconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private static ResourceNames names(String service, long id, int attempt) {
        return new ResourceNames(new ServiceName(service), new TaskId(id), attempt);
    }

    @Test
    void shortNamesAreReadable() {
        ResourceNames names = names("auth-service", 1001, 2);
        assertThat(names.configMapName()).isEqualTo("auth-service-task-1001-run-2-files");
        assertThat(names.releaseName()).isEqualTo("auth-service-task-1001-run-2");
        assertThat(names.jobName()).isEqualTo("auth-service-task-1001-run-2");
        assertThat(names.pvcName()).isEqualTo("auth-service-workspace");
        assertThat(names.taskDirRelative()).isEqualTo(".task/1001/run-2");
    }

    @Test
    void longNamesStayWithinEachLimitValidAndEndWithTheAttempt() {
        ResourceNames names = names("s".repeat(62) + "x", 999_999_999_999_999_999L, 123);

        assertThat(names.releaseName()).hasSizeLessThanOrEqualTo(53).matches(DNS_1123_LABEL).endsWith("-run-123");
        assertThat(names.jobName()).hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL).endsWith("-run-123");
        assertThat(names.configMapName()).hasSizeLessThanOrEqualTo(253).matches(DNS_1123_SUBDOMAIN)
                .endsWith("-run-123-files");
        assertThat(names.releaseName()).startsWith("sssss");
    }

    @Test
    void theJobIsNamedAfterTheReleaseAsTheChartNamesIt() {
        // charts/claude-code names the Job {{ .Release.Name | trunc 63 }}: the app must look for that name.
        ResourceNames names = names("a-rather-long-service-name-for-a-payments-reconciliation", 123456789, 7);
        assertThat(names.releaseName().length()).isEqualTo(53);
        assertThat(names.jobName()).isEqualTo(names.releaseName());
    }

    @Test
    void namesAreDeterministic() {
        ResourceNames a = names("p".repeat(63), 123456789012L, 5);
        ResourceNames b = names("p".repeat(63), 123456789012L, 5);
        assertThat(a.releaseName()).isEqualTo(b.releaseName());
        assertThat(a.jobName()).isEqualTo(b.jobName());
        assertThat(a.configMapName()).isEqualTo(b.configMapName());
    }

    @Test
    void longServicesSharingAPrefixGetDifferentNames() {
        String prefix = "payments-reconciliation-and-settlement-batch-";
        ResourceNames a = names(prefix + "eu-west-1", 1001, 1);
        ResourceNames b = names(prefix + "us-east-2", 1001, 1);

        assertThat(a.releaseName()).isNotEqualTo(b.releaseName());
        assertThat(a.jobName()).isNotEqualTo(b.jobName());
        assertThat(a.releaseName()).hasSizeLessThanOrEqualTo(53);
    }

    @Test
    void attemptsOfOneLongTaskGetDifferentNames() {
        String service = "x".repeat(63);
        assertThat(names(service, 1001, 1).releaseName()).isNotEqualTo(names(service, 1001, 11).releaseName());
        assertThat(names(service, 1001, 1).releaseName()).endsWith("-run-1");
        assertThat(names(service, 1001, 11).releaseName()).endsWith("-run-11");
    }
}
