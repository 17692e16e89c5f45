package org.crisistimeline.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ports for the processes a test starts. A port free now is only taken once its process binds it, seconds later, and
 * the system may offer it again meanwhile: a command service and a query service started together were once given
 * the same port, and the query service answered the command service's requests. So no port is handed out twice.
 */
final class FreePorts {

    private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    static int next() throws IOException {
        while (true) {
            try (var socket = new ServerSocket(0)) {
                if (handedOut.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
