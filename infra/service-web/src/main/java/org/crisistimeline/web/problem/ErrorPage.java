package org.crisistimeline.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refusals made before any controller runs, as Problem Details like every other: those sent to {@code /error} (Spring
 * Security's firewall refusing {@code ..}, {@code ;} or an encoded dot, a filter's error), and those Tomcat answers
 * itself (an encoded slash or NUL, bytes that are not UTF-8, a request line too long), which replaces Boot's
 * HTML and JSON error pages. Neither echoes the path.
 */
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail(status.value())));
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request's path, query or headers are malformed or not allowed";
            case 404 -> "Nothing is at this path";
            case 500 -> "The request could not be answered; the error was logged";
            default -> "The request was refused";
        };
    }

    /**
     * Tomcat's own error report, as Problem Details instead of an HTML page; put in place of Tomcat's by
     * {@link ProblemDetailsAutoConfiguration}.
     */
    static final class TomcatErrors extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's: nothing for a success, a body already written, or an error already reported
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                            .formatted(title, status, detail(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response cannot be written: nothing more to tell it
            }
        }
    }
}
