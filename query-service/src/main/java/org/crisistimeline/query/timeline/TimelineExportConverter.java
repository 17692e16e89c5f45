package org.crisistimeline.query.timeline;

import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link TimelineExport} as the body of a response whose content type the controller chose (CSV, JSON, NDJSON or GeoJSON).
 * Spring Boot puts converter beans before its own, so Jackson does not take the export for a bean to serialise. (A
 * StreamingResponseBody would need a handler method per format, since Spring MVC picks its handler by the declared
 * return type; this keeps one method per timeline, and the writing on the request's thread.)
 */
@Component
class TimelineExportConverter extends AbstractHttpMessageConverter<TimelineExport> {

    TimelineExportConverter() {
        super(TimelineExports.CSV, MediaType.APPLICATION_JSON, TimelineExports.NDJSON, TimelineExports.GEOJSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return TimelineExport.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected TimelineExport readInternal(Class<? extends TimelineExport> type, HttpInputMessage input) {
        throw new UnsupportedOperationException("exports are only written");
    }

    @Override
    protected void writeInternal(TimelineExport export, HttpOutputMessage output) throws IOException {
        export.writeTo(output.getBody());
    }
}
