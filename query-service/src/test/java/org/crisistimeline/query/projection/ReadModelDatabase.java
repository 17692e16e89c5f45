package org.crisistimeline.query.projection;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.crisistimeline.query.actor.ActorCountries;
import org.crisistimeline.query.event.Projection;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A read model on a database of its own, migrated by Flyway, with the projections and {@link ReadModel} wired as the
 * service wires them but without Kafka or the web: what the projection tests feed events to. One embedded PostgreSQL
 * serves every database of the test JVM.
 */
final class ReadModelDatabase implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private final AnnotationConfigApplicationContext context;

    private ReadModelDatabase(AnnotationConfigApplicationContext context) {
        this.context = context;
    }

    /** A new, empty database with every migration applied. */
    static ReadModelDatabase create() {
        HikariDataSource dataSource = emptyDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        var context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> dataSource, bean -> bean.setDestroyMethodName("close"));
        context.register(Wiring.class);
        context.refresh();
        return new ReadModelDatabase(context);
    }

    /** A new database without any migration: the caller closes it. */
    static HikariDataSource emptyDatabase() {
        String name = "read_model_" + DATABASES.incrementAndGet();
        EmbeddedPostgres postgres = server();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        // the service's datasource setting (application.yml): batches of inserts become multi-row inserts
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    ReadModel readModel() {
        return context.getBean(ReadModel.class);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    TransactionTemplate transaction() {
        return new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /**
     * Every row of every table the projections write, as JSON text, table by table: the tables numbered by a sequence
     * in the order of their numbers (without them), the others sorted.
     */
    List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of(
                "crisis",
                "actor",
                "actor_title",
                "incident_version",
                "incident_source",
                "incident_named_actor",
                "incident_link",
                "timeline_entry_version",
                "occurred_lead",
                "aggregate_position",
                "event_log")) {
            rows.add(table);
            rows.addAll(rows(table));
        }
        return rows;
    }

    /** The rows of one table, as {@link #rows()} has them. */
    List<String> rows(String table) {
        String order = table.equals("event_log") ? "position" : "1";
        return jdbc().queryForList(
                        "SELECT (to_jsonb(t) - 'position')::text FROM " + table + " t ORDER BY " + order, String.class);
    }

    @Override
    public void close() {
        context.close();
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's process goes with its data directory
                }
            }));
        }
        return server;
    }

    @Configuration
    @EnableTransactionManagement
    @ComponentScan(
            basePackages = "org.crisistimeline.query",
            useDefaultFilters = false,
            includeFilters =
                    @ComponentScan.Filter(
                            type = FilterType.ASSIGNABLE_TYPE,
                            classes = {Projection.class, ReadModel.class, AggregatePositions.class, ActorCountries.class
                            }))
    static class Wiring {

        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
            return new NamedParameterJdbcTemplate(jdbc);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }
}
