package org.crisistimeline.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A GET written byte for byte on a socket, for paths that an HTTP client refuses to send (an encoded NUL, bytes that
 * are not UTF-8, {@code ..}), and its answer as status line, headers and body.
 */
public final class RawHttp {

    public record Answer(String statusLine, String head, String body) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        /** The value of a header without its parameters ({@code ;charset=...}), or null when absent. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    String value = line.substring(colon + 1).strip();
                    int parameters = value.indexOf(';');
                    return parameters < 0 ? value : value.substring(0, parameters);
                }
            }
            return null;
        }
    }

    private RawHttp() {}

    /** @param target the request target as sent, percent-encoding and all */
    public static Answer get(int port, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            int statusEnd = response.indexOf("\r\n");
            return new Answer(
                    response.substring(0, statusEnd),
                    response.substring(statusEnd + 2, headEnd),
                    response.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
