package org.talentindex.scoring.whatif;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a number of bytes and fails once the body turns out to be longer; a parser may wrap that
 * failure, so {@link #exceeded()} tells afterwards.
 */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    SizeLimitedInputStream(InputStream body, long limit) {
        super(body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            count(count);
        }
        return count;
    }

    @Override
    public long skip(long bytes) throws IOException {
        long skipped = super.skip(bytes);
        count(skipped);
        return skipped;
    }

    boolean exceeded() {
        return read > limit;
    }

    long limit() {
        return limit;
    }

    private void count(long bytes) throws IOException {
        read += bytes;
        if (exceeded()) {
            throw new IOException("the request body exceeds " + limit + " bytes");
        }
    }
}
