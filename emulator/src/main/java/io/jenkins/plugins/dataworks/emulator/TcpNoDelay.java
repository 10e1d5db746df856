package io.jenkins.plugins.dataworks.emulator;

import java.util.Properties;

/**
 * Turns Nagle's algorithm off for the JDK's {@code com.sun.net.httpserver}, which the emulator serves
 * with.
 *
 * <p>Why: on JDK 17, {@code HttpExchange.sendResponseHeaders} flushes the headers in a write of their
 * own and the body follows in a second small write (JDK-6968351; JDK 25 holds the headers back until
 * the body is written). With Nagle on, the kernel keeps that second segment until the client
 * acknowledges the first, and the client delays its ACK (40 ms on Linux) because it is waiting for
 * the body. Every RPC answer and every small OSS answer on a keep-alive connection took about 44 ms
 * on loopback instead of well under 1 ms (measured on JDK 17, whatever the client). No handler can
 * avoid that flush: the headers go out before {@code getResponseBody()} accepts a byte, and the
 * server gives handlers no access to its sockets.
 *
 * <p>The JDK reads {@value #PROPERTY} once per JVM, when its HTTP server implementation is first
 * used, and applies it to every server of that JVM. So {@link DataWorksEmulator}'s static initialiser
 * sets it, before any emulator can create a server. It has no effect in a JVM that started a JDK
 * HTTP server of its own before it loaded the emulator (the JDK has read the property already), and
 * a JVM started with the property set to false keeps that explicit choice: both need
 * {@code -Dsun.net.httpserver.nodelay=true} on the command line. Other JDK HTTP servers the JVM
 * starts later get TCP_NODELAY too, which is what a request/response server wants anyway.
 */
final class TcpNoDelay {

    static final String PROPERTY = "sun.net.httpserver.nodelay";

    private TcpNoDelay() {
    }

    /** Sets {@value #PROPERTY} to true in {@code system} unless it is set already; returns the value in force. */
    static boolean request(Properties system) {
        Object previous = system.putIfAbsent(PROPERTY, "true");
        return previous == null || Boolean.parseBoolean(previous.toString());
    }
}
