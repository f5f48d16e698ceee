package se.kurir.adapter.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps every bound request body (JSON, PEM) before a converter reads it whole: a declared length over the cap is
 * refused at once, and a chunked body is cut off the moment it passes the cap. Streamed bodies (messages, upload
 * chunks, events) are not bound and keep their own, per-product limits.
 */
@ControllerAdvice
class RequestBodyLimit extends RequestBodyAdviceAdapter {

    private final long maxBytes;

    RequestBodyLimit(RestProperties properties) {
        this.maxBytes = properties.maxRequestBody().toBytes();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long declared = message.getHeaders().getContentLength();
        if (declared > maxBytes) {
            throw new RequestBodyTooLargeException(maxBytes);
        }
        InputStream capped = new CappedInputStream(message.getBody(), maxBytes);
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return capped;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** The body was larger than the cap; nothing of it was bound. */
    static final class RequestBodyTooLargeException extends RuntimeException {

        private final long limit;

        RequestBodyTooLargeException(long limit) {
            super("body: larger than " + limit + " bytes (kurir.rest.max-request-body)");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class CappedInputStream extends FilterInputStream {

        private final long max;
        private long read;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new RequestBodyTooLargeException(max);
            }
        }
    }
}
