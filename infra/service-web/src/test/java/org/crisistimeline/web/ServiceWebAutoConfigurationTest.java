package org.crisistimeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.crisistimeline.web.problem.ProblemDetailsAutoConfiguration;
import org.crisistimeline.web.security.ApiSecurityAutoConfiguration;
import org.crisistimeline.web.security.BearerTokenSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;

/** A service gets the shared web edge by depending on this module, and can still put its own beans in place. */
class ServiceWebAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ProblemDetailsAutoConfiguration.class,
                    ApiSecurityAutoConfiguration.class,
                    ErrorMvcAutoConfiguration.class,
                    WebMvcAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    SecurityAutoConfiguration.class,
                    OAuth2ResourceServerAutoConfiguration.class))
            .withPropertyValues(
                    "crisis-timeline.security.issuer=crisis-timeline-test",
                    "spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles");

    @Test
    void errorsAreAnsweredByTheProblemDetailsPageInsteadOfBootsErrorController() {
        web.run(context -> {
            assertThat(context).hasSingleBean(ErrorController.class);
            assertThat(context).doesNotHaveBean(BasicErrorController.class);
            assertThat(context.getBean(ErrorController.class).getClass().getSimpleName())
                    .isEqualTo("ErrorPage");
        });
    }

    @Test
    void aServicesOwnErrorControllerWins() {
        web.withBean(ErrorController.class, () -> new ErrorController() {})
                .run(context -> assertThat(context.getBeansOfType(ErrorController.class))
                        .hasSize(1)
                        .doesNotContainKey("errorPage"));
    }

    @Test
    void theSharedSecurityPartsAreThere() {
        web.run(context -> {
            assertThat(context).hasSingleBean(BearerTokenSecurity.class);
            assertThat(context).hasSingleBean(SecurityObservationSettings.class);
            // expiry required, issuer, well-formed roles: Boot adds each to its decoder
            assertThat(context.getBeansOfType(OAuth2TokenValidator.class))
                    .containsOnlyKeys("expiryRequired", "issuer", "wellFormedRoles");
            assertThat(context.getBean(RoleHierarchy.class)
                            .getReachableGrantedAuthorities(
                                    java.util.List.of(new SimpleGrantedAuthority("ROLE_admin"))))
                    .extracting(Object::toString)
                    .contains("ROLE_admin", "ROLE_editor", "ROLE_recorder", "ROLE_reader");
        });
    }

    @Test
    void noIssuerIsAFailedStart() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        ApiSecurityAutoConfiguration.class,
                        JacksonAutoConfiguration.class,
                        OAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("crisis-timeline.security")
                        .hasMessageContaining("issuer"));
    }
}
