package org.crisistimeline.query.system;

import org.crisistimeline.testsupport.ApiDescription;
import org.crisistimeline.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** docs/api/query-service.json is what /v3/api-docs serves: regenerate it with -Dapi-docs.update=true. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ApiDescriptionIT {

    @LocalServerPort
    int port;

    @Test
    void theCheckedInDescriptionIsTheServedOne() {
        ApiDescription.assertCheckedIn(port, "query-service.json");
    }
}
