package org.crisistimeline.web.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The key variables, when not blank, as Boot's resource-server properties: {@code JWT_JWK_SET_URI} as {@code jwk-set-uri}
 * and {@code JWT_PUBLIC_KEY} (a file path) as {@code public-key-location}. Placeholders in application.yml cannot do it:
 * Boot builds its key-set decoder whenever {@code jwk-set-uri} exists, even empty (deployments set the variable empty to
 * mean "use the key file"), and reads a location without a scheme inside the servlet context, not the file system.
 * Boot's own properties, when set, win.
 */
class TokenKeys implements EnvironmentPostProcessor {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> keys = new HashMap<>();
        String keySet = environment.getProperty("JWT_JWK_SET_URI", "");
        if (!keySet.isBlank()) {
            keys.put(JWT + "jwk-set-uri", keySet.strip());
        }
        String publicKey = environment.getProperty("JWT_PUBLIC_KEY", "");
        if (!publicKey.isBlank()) {
            keys.put(
                    JWT + "public-key-location",
                    publicKey.strip().matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")
                            ? publicKey.strip()
                            : "file:" + publicKey.strip());
        }
        environment.getPropertySources().addLast(new MapPropertySource("JWT_* variables", keys));
    }
}
