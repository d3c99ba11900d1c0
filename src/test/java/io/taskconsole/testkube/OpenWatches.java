package io.taskconsole.testkube;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watches the test API server is serving, so a test can end them as a cluster does: a dropped
 * connection (a restarted API server, a proxy's idle timeout) or an expired resource version
 * ({@code 410 Gone}, sent as a watch's ERROR event), after which a client must list again.
 */
final class OpenWatches {

    private record Open(String resource, String namespace) {
    }

    private final Map<WebSocket, Open> open = new ConcurrentHashMap<>();

    /** {@code listener} (the CRUD dispatcher's watch), with its socket remembered while it is open. */
    WebSocketListener track(WebSocketListener listener, ApiRequest api) {
        Open what = new Open(api.resource(), api.namespace());
        return new WebSocketListener() {
            @Override
            public void onBeforeAccept(WebSocket ws, Response response) {
                listener.onBeforeAccept(ws, response);
            }

            @Override
            public void onOpen(WebSocket ws, Response response) {
                open.put(ws, what);
                listener.onOpen(ws, response);
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                listener.onMessage(ws, text);
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                listener.onMessage(ws, bytes);
            }

            @Override
            public void onMessage(WebSocket ws, byte[] bytes) {
                listener.onMessage(ws, bytes);
            }

            @Override
            public void onPing(WebSocket ws, byte[] bytes) {
                listener.onPing(ws, bytes);
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                open.remove(ws);
                listener.onClosing(ws, code, reason);
            }

            @Override
            public void onClosed(WebSocket ws, int code, String reason) {
                open.remove(ws);
                listener.onClosed(ws, code, reason);
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                open.remove(ws);
                listener.onFailure(ws, t, response);
            }
        };
    }

    int count(String resource, String namespace) {
        return (int) open.values().stream()
                .filter(o -> o.resource().equals(resource) && namespace.equals(o.namespace())).count();
    }

    /** Closes the open watches of {@code resource} in {@code namespace}; returns how many. */
    int drop(String resource, String namespace, boolean expired) {
        List<WebSocket> matching = open.entrySet().stream()
                .filter(e -> e.getValue().resource().equals(resource) && namespace.equals(e.getValue().namespace()))
                .map(Map.Entry::getKey).toList();
        for (WebSocket ws : matching) {
            open.remove(ws);
            if (expired) {
                ws.send("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                        + "\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\","
                        + "\"code\":410}}");
            }
            ws.close(1001, expired ? "resource version expired" : "connection dropped");
        }
        return matching.size();
    }
}
