package io.jenkins.plugins.dataworks.emulator.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP forward proxy on 127.0.0.1, for tests of proxy support: takes absolute-form requests
 * ({@code GET http://host:port/path HTTP/1.1}), forwards each on a new connection to the host it
 * names, relays the answer with {@code Connection: close} and records what passed. CONNECT is
 * recorded and refused (501 unless told otherwise): the emulator's https has a certificate the
 * downloader would not trust anyway, and the request line is what the tests need to see.
 */
public final class ForwardingProxy implements AutoCloseable {

    /** One request that went through, as the client wrote it. */
    public record Request(String method, URI target) {}

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-forwarding-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String connectAnswer = "501 Not Implemented";

    private ForwardingProxy(ServerSocket server) {
        this.server = server;
    }

    public static ForwardingProxy start() throws IOException {
        ForwardingProxy proxy = new ForwardingProxy(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
        proxy.connections.execute(proxy::acceptLoop);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:PORT}, as --proxy takes it. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** What a CONNECT gets, e.g. "407 Proxy Authentication Required"; no tunnel is ever opened. */
    public ForwardingProxy answerConnectWith(String statusAndReason) {
        connectAnswer = statusAndReason;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long count(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            // CONNECT names only host:port (authority form).
            URI target = URI.create(method.equals("CONNECT") ? "//" + parts[1] : parts[1]);
            requests.add(new Request(method, target));
            if (method.equals("CONNECT") || target.getHost() == null) {
                write(client.getOutputStream(), "HTTP/1.1 " + connectAnswer + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            StringBuilder head = new StringBuilder(method + " " + target.getRawPath()
                    + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()) + " " + parts[2] + "\r\n");
            long contentLength = 0;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                String name = line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) {
                    contentLength = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                }
                if (!name.equals("connection") && !name.equals("proxy-connection")) {
                    head.append(line).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            int port = target.getPort() == -1 ? 80 : target.getPort();
            try (Socket upstream = new Socket(target.getHost(), port)) {
                OutputStream up = upstream.getOutputStream();
                write(up, head.toString());
                up.write(in.readNBytes((int) contentLength));
                up.flush();
                relayResponse(upstream.getInputStream(), client.getOutputStream());
            }
        } catch (IOException e) {
            // The client or the upstream went away: nothing to answer.
        }
    }

    /** Status line and headers with Connection replaced by close (so clients never reuse this connection), then the body as is. */
    private static void relayResponse(InputStream from, OutputStream to) throws IOException {
        StringBuilder head = new StringBuilder(readLine(from) + "\r\n");
        for (String line = readLine(from); line != null && !line.isEmpty(); line = readLine(from)) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                head.append(line).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        write(to, head.toString());
        from.transferTo(to);
        to.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
