package dev.supportgateway.infra.api;

import dev.supportgateway.channels.widget.WidgetChannelConfiguration;
import dev.supportgateway.infra.config.GatewayProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code gateway.max-request-body} (64 KB by default) with 413 before anything
 * reads them, so a huge JSON body cannot fill the heap; a body without a length is cut off at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

    /** Where files are uploaded: the widget's messages with a file, and an operator's file for the customer. */
    private static final Pattern UPLOADS = Pattern.compile(Pattern.quote(WidgetChannelConfiguration.FILES_PATH)
            + "|/api/v1/console/conversations/[^/]+/files");

    private final long limit;

    RequestBodyLimit(GatewayProperties properties) {
        this.limit = properties.maxRequestBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (UPLOADS.matcher(request.getRequestURI()).matches()) {
            // files (the widget's, an operator's): bounded by the web server's multipart limits
            // (gateway.widget.max-attachment-size), also without a declared length, and refused there with each
            // endpoint's own readable answer. Only these paths: a multipart login form is no file.
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"detail\":\"the request body may be at most " + limit + " bytes\"}");
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** A request whose body has no declared length: reading past the limit fails instead of going on. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0 && ++read > limit) {
                        throw new IOException("request body over " + limit + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new IOException("request body over " + limit + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
