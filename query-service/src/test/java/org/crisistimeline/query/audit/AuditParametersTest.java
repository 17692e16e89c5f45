package org.crisistimeline.query.audit;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the database cannot hold is refused by name before a query is sent: an instant beyond PostgreSQL's range
 * answered "timestamp out of range", a NUL byte "invalid byte sequence", both as 500s. The database out of reach is
 * answered 503 with Retry-After. Security is left out: it is {@code QuerySecurityIT}'s subject.
 */
@WebMvcTest(AuditController.class)
@AutoConfigureMockMvc(addFilters = false)
class AuditParametersTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AuditTrail trail;

    @Test
    void anInstantBeyondTheDatabaseIsRefusedByName() throws Exception {
        mvc.perform(get("/api/v1/audit/events").param("from", "+294277-01-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aNulInAFilterIsRefusedByName() throws Exception {
        mvc.perform(get("/api/v1/audit/events").param("incident", "a\u0000b").param("principal", "\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("principal", "incident")));
    }

    @Test
    void aRefusalOfThousandsOfParametersListsTheFirstTwenty() throws Exception {
        var request = get("/api/v1/audit/events");
        for (int i = 0; i < 2000; i++) {
            request.param("unknown" + i, "x");
        }

        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("2000 parameters are invalid; the first 20 are listed"))
                .andExpect(jsonPath("$.errors.length()").value(20));
    }

    @Test
    void theReadModelOutOfReachIsUnavailableWithRetryAfter() throws Exception {
        when(trail.page(any(), any(), anyInt()))
                .thenThrow(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        mvc.perform(get("/api/v1/audit/events"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"));
    }
}
