package org.crisistimeline.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A bad setting stops the start with a message naming it, instead of a service that misbehaves later. */
class ImportSettingsTest {

    @EnableConfigurationProperties(ImportSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "crisis-timeline.imports.batch-size=1000",
                    "crisis-timeline.imports.spool-dir=/tmp",
                    "crisis-timeline.imports.max-reported-problems=10000");

    @Test
    void noWorkersIsRefusedAtStart() {
        context.withPropertyValues("crisis-timeline.imports.workers=0")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("crisis-timeline.imports.workers")
                        .hasMessageContaining("must be greater than or equal to 1"));
    }

    @Test
    void aNumberThatIsNotOneIsRefusedAtStart() {
        context.withPropertyValues("crisis-timeline.imports.workers=two")
                .run(started -> assertThat(started)
                        .getFailure()
                        .hasStackTraceContaining(
                                "Failed to bind properties under 'crisis-timeline.imports.workers' to int"));
    }

    @Test
    void goodSettingsBind() {
        context.withPropertyValues("crisis-timeline.imports.workers=2")
                .run(started -> assertThat(started.getBean(ImportSettings.class).workers())
                        .isEqualTo(2));
    }
}
