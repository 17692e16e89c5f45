package org.crisistimeline.command.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what a request may bring before any of it is parsed: a body over {@code crisis-timeline.max-request-size}
 * answers 413, announced or not (a chunked body is cut off when it passes the limit), and query parameters, which no
 * write takes, answer 400 instead of being ignored. A checkpoint to verify against has a limit of its own, {@code
 * crisis-timeline.max-checkpoint-size}: it lists every aggregate's head, ~130 bytes each.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(SystemSettings.class)
class RequestLimits extends OncePerRequestFilter {

    static final String CHECKPOINT_VERIFICATION = "/api/v1/audit/verify";

    private final long maxRequestBytes;
    private final long maxCheckpointBytes;
    private final ObjectMapper json;

    RequestLimits(SystemSettings settings, ObjectMapper json) {
        this.maxRequestBytes = settings.maxRequestSize().toBytes();
        this.maxCheckpointBytes = settings.maxCheckpointSize().toBytes();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // an import's file is streamed to disk, never parsed in memory: its size is the disk's business
        return !request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/api/v1/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().equals(CHECKPOINT_VERIFICATION) ? maxCheckpointBytes : maxRequestBytes;
        if (request.getContentLengthLong() > maxBytes) {
            write(response, Problems.payloadTooLarge(maxBytes));
            return;
        }
        if (request.getQueryString() != null) {
            write(
                    response,
                    Problems.invalidRequest(request.getParameterMap().keySet().stream()
                            .map(name -> new InvalidField(name, "unknown query parameter: writes take none"))
                            .toList()));
            return;
        }
        chain.doFilter(new LimitedBody(request, maxBytes), response);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Thrown when a body without a Content-Length passes the limit; answered with 413. */
    static class BodyTooLarge extends IOException {

        final long maxBytes;

        BodyTooLarge(long maxBytes) {
            super("The body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long maxBytes;

        LimitedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0 && ++read > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0 && (read += n) > maxBytes) {
                        throw new BodyTooLarge(maxBytes);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
