package org.crisistimeline.command.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who wrote an event, from where, in which request and why: metadata taken from the authenticated request, never from
 * the body, attached to the command and copied by Axon onto every event the command stores.
 */
@Configuration
public class AuditTrail {

    public static final String PRINCIPAL = "principal";
    public static final String CLIENT_ADDRESS = "clientAddress";
    public static final String REQUEST_ID = "requestId";
    public static final String REASON = "reason";

    @Bean
    CorrelationDataProvider auditMetadataOntoEvents() {
        return new SimpleCorrelationDataProvider(PRINCIPAL, CLIENT_ADDRESS, REQUEST_ID, REASON);
    }

    /** The metadata of the current request; {@code reason} only for changes that carry one. */
    static Map<String, String> ofCurrentRequest(String reason) {
        Map<String, String> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            metadata.put(PRINCIPAL, jwt.getSubject());
        } else if (authentication != null) {
            metadata.put(PRINCIPAL, authentication.getName());
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            metadata.put(CLIENT_ADDRESS, request.getRemoteAddr());
            String requestId = RequestIds.of(request);
            if (requestId != null) {
                metadata.put(REQUEST_ID, requestId);
            }
        }
        if (reason != null) {
            metadata.put(REASON, reason);
        }
        return metadata;
    }
}
