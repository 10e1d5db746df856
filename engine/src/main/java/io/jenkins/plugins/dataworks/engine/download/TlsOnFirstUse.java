package io.jenkins.plugins.dataworks.engine.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.http.HttpHost;
import org.apache.http.conn.socket.LayeredConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.protocol.HttpContext;

/**
 * HttpClient's default TLS socket factory (JVM trust store, hostname verification against the
 * public suffix list), created on the first https connection instead of with the client. Creating it
 * builds an {@code SSLContext}, which in a fresh JVM parses the whole trust store: measured at about
 * 0.4 CPU seconds on the benchmark machine, spent before the first byte of every command line
 * download, whereas a plain-http URL (an allowed host) never needs it. Nothing else changes: the
 * same factory, the same checks, only later.
 */
final class TlsOnFirstUse implements LayeredConnectionSocketFactory {

    private final Object lock = new Object();
    /** Guarded by lock. */
    private LayeredConnectionSocketFactory tls;

    private LayeredConnectionSocketFactory tls() {
        synchronized (lock) {
            if (tls == null) {
                tls = SSLConnectionSocketFactory.getSocketFactory();
            }
            return tls;
        }
    }

    /** Whether the TLS factory exists yet (for tests). */
    boolean created() {
        synchronized (lock) {
            return tls != null;
        }
    }

    @Override
    public Socket createSocket(HttpContext context) throws IOException {
        return tls().createSocket(context);
    }

    @Override
    public Socket connectSocket(int connectTimeout, Socket socket, HttpHost host, InetSocketAddress remoteAddress,
            InetSocketAddress localAddress, HttpContext context) throws IOException {
        return tls().connectSocket(connectTimeout, socket, host, remoteAddress, localAddress, context);
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpContext context) throws IOException {
        return tls().createLayeredSocket(socket, target, port, context);
    }
}
