package org.crisistimeline.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the real PostgreSQL and Kafka of {@link TestInfrastructure}: a database named after
 * {@code spring.application.name} (e.g. {@code command_service_test}), the shared broker, and the public key of
 * {@link TestTokens}. Use with
 * {@code @ContextConfiguration(initializers = RealInfrastructure.class)}.
 */
public final class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String application = environment.getProperty("spring.application.name", "crisis-timeline");
        String database = application.replace('-', '_') + "_test";
        TestInfrastructure infrastructure = TestInfrastructure.get();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "realInfrastructure",
                        Map.of(
                                "spring.datasource.url", infrastructure.jdbcUrl(database),
                                "spring.datasource.username", infrastructure.username(),
                                "spring.datasource.password", infrastructure.password(),
                                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                                        TestTokens.publicKeyFile().toUri().toString())));
    }
}
