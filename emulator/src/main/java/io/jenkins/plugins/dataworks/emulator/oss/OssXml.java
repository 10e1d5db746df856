package io.jenkins.plugins.dataworks.emulator.oss;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** OSS XML error answers, shared by downloads and uploads. */
final class OssXml {

    private OssXml() {
    }

    /** {@code <Error>} with Code, Message, RequestId, HostId and {@code extra}; no body for HEAD. */
    static void sendError(HttpExchange exchange, String requestId, int status, String code, String message,
            Map<String, String> extra) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n");
        element(xml, "Code", code);
        element(xml, "Message", message);
        element(xml, "RequestId", requestId);
        String host = exchange.getRequestHeaders().getFirst("Host");
        element(xml, "HostId", host == null ? "oss.emulator" : host);
        extra.forEach((name, value) -> element(xml, name, value));
        xml.append("</Error>\n");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.getResponseHeaders().set("x-oss-request-id", requestId);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    static void element(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append('>').append(escape(value)).append("</").append(name).append(">\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
