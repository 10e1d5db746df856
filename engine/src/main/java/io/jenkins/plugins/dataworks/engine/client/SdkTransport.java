package io.jenkins.plugins.dataworks.engine.client;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import com.aliyuncs.http.MethodType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;

/**
 * The HTTP transport of the SDK clients {@link SdkClients} builds: one {@code HttpURLConnection}
 * per call, with the proxy, TLS and timeouts of its own client only.
 *
 * <p>Why not the SDK's {@code CompatibleUrlConnClient}, which this replaces: {@code
 * HttpURLConnection} sends a POST once more, with the same SignatureNonce and Timestamp, when the
 * connection closes before an answer came (the JVM-wide {@code sun.net.http.retryPost}, true by
 * default). A write whose answer was lost is then performed twice by any server, or proxy, that does
 * not refuse a reused nonce. A request of a client that must not repeat ({@link Sending#ONCE})
 * therefore goes out in fixed-length streaming mode, whose body the JDK cannot replay and so never
 * sends again; what to do after such a failure is the engine's decision alone. A request that may be
 * repeated (reads) is buffered as before, so the JDK may still send it once more.
 *
 * <p>TLS as the SDK did it: the JVM's trust store, and Apache HttpClient's hostname verifier after
 * the JDK's own check; certificate checks cannot be switched off. The SSL context is made on the
 * first https call and kept by this transport. Restricted headers (Content-Length, Host) are left to
 * the JDK, so the SDK's JVM-wide {@code sun.net.http.allowRestrictedHeaders=true} is not needed.
 *
 * <p>Public only because the SDK creates its transport by class name ({@link HttpClientType#Custom}).
 */
public final class SdkTransport extends IHttpClient {

    /** Whether the JDK may send a request of this client a second time. */
    public enum Sending {
        /** Never: the writes (CreateExportMigration, CreateImportMigration, StartMigration). */
        ONCE,
        /** The JDK may repeat a request whose connection dropped, once: reads, which change nothing. */
        MAY_REPEAT
    }

    private static final Set<String> LEFT_TO_THE_JDK = Set.of("content-length", "host", "connection");
    private static final DefaultHostnameVerifier HOSTNAMES = new DefaultHostnameVerifier();

    private final Object tlsLock = new Object();
    /** Guarded by tlsLock. */
    private SSLSocketFactory tls;

    public SdkTransport(HttpClientConfig config) throws ClientException {
        super(config);
    }

    /** The client configuration of this transport: the SDK's, with the proxy and the sending rule. */
    static final class Config extends HttpClientConfig {

        private final ProxySettings proxy;
        private final Sending sending;

        /** @param proxy nullable: every call goes direct */
        Config(ProxySettings proxy, Sending sending) {
            this.proxy = proxy;
            this.sending = sending;
            setClientType(HttpClientType.Custom);
            setCustomClientClassName(SdkTransport.class.getName());
            setCompatibleMode(false);
            setIgnoreSSLCerts(false);
        }

        /** Certificate verification cannot be switched off, not even by the SDK's environment variable. */
        @Override
        public boolean isIgnoreSSLCerts() {
            return false;
        }

        Proxy proxyFor(String host) {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (proxy == null || !proxy.appliesTo(bare)) {
                return Proxy.NO_PROXY;
            }
            return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.host(), proxy.port()));
        }
    }

    @Override
    protected void init(HttpClientConfig config) {
        if (!(config instanceof Config)) {
            throw new IllegalArgumentException("SdkTransport needs its own configuration, got " + config);
        }
    }

    private Config config() {
        return (Config) clientConfig;
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        MethodType method = request.getSysMethod();
        String url = request.getSysUrl();
        byte[] body = request.getHttpContent();
        if (method.hasContent() && body == null) {
            // The SDK's convention for a POST without body parameters: its query travels as the body.
            int query = url.indexOf('?');
            if (query >= 0) {
                body = url.substring(query + 1).getBytes(StandardCharsets.UTF_8);
                url = url.substring(0, query);
            }
        }
        URL target = new URL(url);
        HttpURLConnection connection = (HttpURLConnection) target.openConnection(config().proxyFor(target.getHost()));
        try {
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls());
                https.setHostnameVerifier(HOSTNAMES);
            }
            connection.setRequestMethod(method.name());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(request.getSysConnectTimeout(), clientConfig.getConnectionTimeoutMillis()));
            connection.setReadTimeout(millis(request.getSysReadTimeout(), clientConfig.getReadTimeoutMillis()));
            setHeaders(connection, request);
            return config().sending == Sending.ONCE ? sendOnce(connection, body) : send(connection, body);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * A request that is never sent twice. After a failure nothing more is asked of the connection,
     * since asking for a status would make the JDK connect again; only a status the JDK already has
     * (an HTTP proxy refusing a plain-http request) is reported as an answer.
     */
    private static HttpResponse sendOnce(HttpURLConnection connection, byte[] body) throws IOException {
        try {
            if (body != null && body.length > 0) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            return answer(connection, connection.getResponseCode());
        } catch (HttpRetryException e) {
            HttpResponse response = new HttpResponse(connection.getURL().toString());
            response.setStatus(e.responseCode());
            response.setReasonPhrase(e.getReason());
            return response;
        }
    }

    /**
     * A request the JDK may send once more when the connection drops; after a failure the status is
     * asked for, as the SDK's own transport did (an answer such as a proxy's 407 is then reported).
     */
    private static HttpResponse send(HttpURLConnection connection, byte[] body) throws IOException {
        try {
            if (body != null && body.length > 0) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // getResponseCode throws the failure again when no status came.
            return answer(connection, connection.getResponseCode());
        }
        return answer(connection, connection.getResponseCode());
    }

    private static HttpResponse answer(HttpURLConnection connection, int status) throws IOException {
        HttpResponse response = new HttpResponse(connection.getURL().toString());
        response.setStatus(status);
        response.setReasonPhrase(connection.getResponseMessage());
        for (Map.Entry<String, List<String>> header : connection.getHeaderFields().entrySet()) {
            if (header.getKey() != null && !header.getValue().isEmpty()) {
                response.putHeaderParameter(header.getKey(), String.join(",", header.getValue()));
            }
        }
        byte[] content;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            content = in == null ? null : in.readAllBytes();
        }
        String type = connection.getContentType();
        if (content != null && type != null) {
            String[] parts = type.split(";");
            String charset = "UTF-8";
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    charset = p.substring("charset=".length()).trim().toUpperCase(Locale.ROOT);
                }
            }
            response.setHttpContent(content, charset, FormatType.mapAcceptToFormat(parts[0].trim()));
        } else {
            response.setHttpContent(content, null, null);
        }
        return response;
    }

    private static void setHeaders(HttpURLConnection connection, HttpRequest request) {
        connection.setRequestProperty("Accept-Encoding", "identity");
        for (Map.Entry<String, String> header : request.getSysHeaders().entrySet()) {
            if (!LEFT_TO_THE_JDK.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                connection.setRequestProperty(header.getKey(), header.getValue());
            }
        }
        if (connection.getRequestProperty("Content-Type") == null) {
            String type = request.getContentTypeValue(request.getHttpContentType(), request.getSysEncoding());
            if (type != null) {
                connection.setRequestProperty("Content-Type", type);
            }
        }
    }

    private static int millis(Integer perRequest, long perClient) {
        return perRequest != null ? perRequest : Math.toIntExact(perClient);
    }

    private SSLSocketFactory tls() throws IOException {
        synchronized (tlsLock) {
            if (tls == null) {
                try {
                    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    trust.init((KeyStore) null);
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, trust.getTrustManagers(), null);
                    tls = context.getSocketFactory();
                } catch (GeneralSecurityException e) {
                    throw new IOException("cannot set up TLS: " + e.getMessage(), e);
                }
            }
            return tls;
        }
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) {
        throw new UnsupportedOperationException("the engine makes synchronous calls only");
    }

    @Override
    @Deprecated
    public void ignoreSSLCertificate() {
        throw new IllegalStateException("certificate verification cannot be switched off");
    }

    @Override
    @Deprecated
    public void restoreSSLCertificate() {
        // Verification is always on.
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    @Override
    public void close() {
        // Nothing held between calls: each call closes its connection.
    }
}
