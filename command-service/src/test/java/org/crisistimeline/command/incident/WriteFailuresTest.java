package org.crisistimeline.command.incident;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.crisistimeline.command.TestBodies;
import org.crisistimeline.command.system.AggregateWrites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A write that fails inside the store is answered with Problem Details, never Spring's default error JSON: 503 with
 * Retry-After when the database is out of reach (not acknowledged, a retry may succeed), 500 otherwise. Security is
 * {@code SecurityIT}'s subject and left out here.
 */
@WebMvcTest(IncidentController.class)
@AutoConfigureMockMvc(addFilters = false)
class WriteFailuresTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private AggregateWrites writes;

    @Test
    void noConnectionToTheStoreIsUnavailableWithRetryAfter() throws Exception {
        when(writes.create(anyString(), anyString(), any(), anyString(), anyString()))
                .thenThrow(new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        mvc.perform(record())
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:crisis-timeline:problem:unavailable"));
    }

    @Test
    void theStoreGoingAwayInsideTheCommandIsUnavailable() throws Exception {
        var terminated = new java.sql.SQLException("terminating connection due to administrator command", "57P01");
        when(writes.create(anyString(), anyString(), any(), anyString(), anyString()))
                .thenThrow(new CommandExecutionException("append failed", terminated));

        mvc.perform(record()).andExpect(status().isServiceUnavailable());
    }

    @Test
    void anyOtherFailureIsAnInternalErrorThatTellsNothingOfItsCause() throws Exception {
        when(writes.create(anyString(), anyString(), any(), anyString(), anyString()))
                .thenThrow(new IllegalStateException("secret internals"));

        mvc.perform(record())
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request could not be answered; the error was logged"));
    }

    private static org.springframework.test.web.servlet.RequestBuilder record() {
        return post("/api/v1/incidents")
                .contentType(MediaType.APPLICATION_JSON)
                .content(TestBodies.droneStrike("failing-write").toString());
    }
}
