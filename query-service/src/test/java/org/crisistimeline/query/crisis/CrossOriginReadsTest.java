package org.crisistimeline.query.crisis;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A page of another origin may read the API only when that origin is configured; by default none may. */
class CrossOriginReadsTest {

    private static final String PAGES = "https://pages.example";

    @Nested
    @WebMvcTest(CrisisController.class)
    @AutoConfigureMockMvc(addFilters = false)
    class ByDefault {

        @Autowired
        MockMvc mvc;

        @MockitoBean
        CrisisQueries crises;

        @MockitoBean
        CrisisStatsQueries stats;

        @Test
        void anotherOriginIsRefused() throws Exception {
            mvc.perform(options("/api/v1/crises")
                            .header("Origin", PAGES)
                            .header("Access-Control-Request-Method", "GET"))
                    .andExpect(status().isForbidden())
                    .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        }
    }

    @Nested
    @WebMvcTest(controllers = CrisisController.class, properties = "crisis-timeline.cors.allowed-origins=" + PAGES)
    @AutoConfigureMockMvc(addFilters = false)
    class WhenAnOriginIsConfigured {

        @Autowired
        MockMvc mvc;

        @MockitoBean
        CrisisQueries crises;

        @MockitoBean
        CrisisStatsQueries stats;

        @Test
        void itMayReadButNotWrite() throws Exception {
            mvc.perform(options("/api/v1/crises")
                            .header("Origin", PAGES)
                            .header("Access-Control-Request-Method", "GET"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Access-Control-Allow-Origin", PAGES));
            mvc.perform(options("/api/v1/crises")
                            .header("Origin", PAGES)
                            .header("Access-Control-Request-Method", "POST"))
                    .andExpect(status().isForbidden());
            mvc.perform(options("/api/v1/crises")
                            .header("Origin", "https://elsewhere.example")
                            .header("Access-Control-Request-Method", "GET"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/crises/none").header("Origin", PAGES))
                    .andExpect(header().string("Access-Control-Allow-Origin", PAGES));
        }
    }
}
