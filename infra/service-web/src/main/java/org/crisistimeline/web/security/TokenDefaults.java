package org.crisistimeline.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The resource-server settings both services share (bearer-tokens.yml: algorithm, audience, roles claim, issuer), as
 * the environment's last property source: a service's application.yml, its variables and its command line still win.
 */
class TokenDefaults implements EnvironmentPostProcessor {

    private static final String FILE = "org/crisistimeline/web/security/bearer-tokens.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load(FILE, new ClassPathResource(FILE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read", e);
        }
    }
}
