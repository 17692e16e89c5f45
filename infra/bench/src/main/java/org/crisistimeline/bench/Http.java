package org.crisistimeline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the benchmark: HTTP/1.1 with kept-alive connections, as a REST client of the service uses it.
 * One event loop thread sends every request: the client shares the machine with what it measures, and Java's own
 * client, warm, used about 1 ms of CPU per request at 500/s (half a core), this one about 0.27 ms.
 */
public final class Http implements AutoCloseable {

    /** As many connections as the open workloads may keep requests in flight, so none waits for a connection. */
    private static final int CONNECTIONS = 2_048;

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(60);
    private static final Duration UPLOAD_ANSWERED_WITHIN = Duration.ofMinutes(5);

    /** A request, made anew for each sending: Apache's request producers are used once. */
    public record Request(String method, URI uri, Duration answerWithin, Supplier<AsyncRequestProducer> producer) {}

    public record Response(Request request, int statusCode, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final CloseableHttpAsyncClient client = HttpAsyncClients.custom()
            .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
            .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(CONNECTIONS)
                    .setMaxConnPerRoute(CONNECTIONS)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .build())
                    .build())
            .build();

    public Http() {
        client.start();
    }

    public Request post(URI uri, String token, byte[] json) {
        return new Request(
                "POST",
                uri,
                ANSWER_WITHIN,
                () -> SimpleRequestProducer.create(SimpleRequestBuilder.post(uri)
                        .setHeader("Authorization", "Bearer " + token)
                        .setBody(json, ContentType.APPLICATION_JSON)
                        .build()));
    }

    /** A file sent as it is read, not held in memory. */
    public Request upload(URI uri, String token, Path file) {
        return new Request(
                "POST",
                uri,
                UPLOAD_ANSWERED_WITHIN,
                () -> AsyncRequestBuilder.post(uri)
                        .setHeader("Authorization", "Bearer " + token)
                        .setEntity(AsyncEntityProducers.create(file.toFile(), ContentType.APPLICATION_OCTET_STREAM))
                        .build());
    }

    public Request get(URI uri) {
        return get(uri, null);
    }

    /** @param token sent as a bearer token, or null for none */
    public Request get(URI uri, String token) {
        return new Request("GET", uri, ANSWER_WITHIN, () -> {
            SimpleRequestBuilder request = SimpleRequestBuilder.get(uri).setHeader("Accept", "application/json");
            if (token != null) {
                request.setHeader("Authorization", "Bearer " + token);
            }
            return SimpleRequestProducer.create(request.build());
        });
    }

    public Response send(Request request) throws IOException, InterruptedException {
        try {
            return sendAsync(request).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io
                    ? io
                    : new IOException(request.method() + " " + request.uri() + " failed", e.getCause());
        }
    }

    /** Completes with the response whatever its status, or exceptionally when no response came. */
    public CompletableFuture<Response> sendAsync(Request request) {
        var answer = new CompletableFuture<Response>();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(request.answerWithin()))
                .build());
        client.execute(
                request.producer().get(),
                SimpleResponseConsumer.create(),
                context,
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        byte[] body = response.getBodyBytes();
                        answer.complete(new Response(request, response.getCode(), body == null ? new byte[0] : body));
                    }

                    @Override
                    public void failed(Exception e) {
                        answer.completeExceptionally(e);
                    }

                    @Override
                    public void cancelled() {
                        answer.cancel(false);
                    }
                });
        return answer;
    }

    /** Sends and insists on a 2xx: for set-up, where anything else means the benchmark cannot go on. */
    public byte[] expectSuccess(Request request) throws IOException, InterruptedException {
        Response response = send(request);
        if (!success(response)) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.bodyText());
        }
        return response.body();
    }

    public static boolean success(Response response) {
        return response.statusCode() / 100 == 2;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
