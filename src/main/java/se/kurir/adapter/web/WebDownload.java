package se.kurir.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import se.kurir.delivery.MessageRecord;

/** A message's payload as a file the browser saves: streamed, with its length, so the browser shows the progress. */
final class WebDownload {

    private WebDownload() {
    }

    static void send(MessageRecord message, InputStream payload, HttpServletResponse response) throws IOException {
        response.setContentType(message.mediaType());
        response.setContentLengthLong(message.payload().size());
        // The media type is the sender's word: the browser saves the file rather than render it in the node's origin.
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + message.messageId() + "\"");
        payload.transferTo(response.getOutputStream());
        // All of it on its way before the caller records what follows the download (FETCHED).
        response.flushBuffer();
    }
}
