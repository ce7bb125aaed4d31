package ai.datamigrate.plugin.postgres.internal;

import java.nio.charset.StandardCharsets;

/**
 * PostgreSQL's {@code hashtextextended(text, 0)} computed in Java: Bob Jenkins' lookup3 hash over the UTF-8 bytes,
 * as {@code hash_bytes_extended} in PostgreSQL's {@code src/common/hashfn.c} does on a little-endian server, with the
 * two final 32-bit words as one 64-bit value. The source side of a load hashes each value's canonical text with
 * it while PostgreSQL hashes the loaded values in SQL, so verification needs no second pass over the data in Java.
 * A server that hashes differently (big-endian) is detected by {@link TableVerifier} with probe values.
 */
final class PgHash {

    private PgHash() {
    }

    static long of(String text) {
        int length = text.length();
        // ASCII is the common case: hash the chars as bytes without encoding them first
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                return hash(new ByteKey(bytes), bytes.length);
            }
        }
        return hash(new CharKey(text), length);
    }

    static long of(byte[] bytes) {
        return hash(new ByteKey(bytes), bytes.length);
    }

    private interface Key {
        int at(int i);
    }

    private record ByteKey(byte[] bytes) implements Key {
        @Override
        public int at(int i) {
            return bytes[i] & 0xff;
        }
    }

    private record CharKey(String text) implements Key {
        @Override
        public int at(int i) {
            return text.charAt(i);
        }
    }

    private static long hash(Key k, int keyLength) {
        int a = 0x9e3779b9 + keyLength + 3923095;
        int b = a;
        int c = a;
        int len = keyLength;
        int p = 0;
        while (len >= 12) {
            a += word(k, p);
            b += word(k, p + 4);
            c += word(k, p + 8);
            // mix(a, b, c)
            a -= c; a ^= Integer.rotateLeft(c, 4); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 6); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 8); b += a;
            a -= c; a ^= Integer.rotateLeft(c, 16); c += b;
            b -= a; b ^= Integer.rotateLeft(a, 19); a += c;
            c -= b; c ^= Integer.rotateLeft(b, 4); b += a;
            p += 12;
            len -= 12;
        }
        // the last 11 bytes, little-endian; the lowest byte of c is reserved for the length
        switch (len) {
            case 11: c += k.at(p + 10) << 24; // fall through
            case 10: c += k.at(p + 9) << 16; // fall through
            case 9: c += k.at(p + 8) << 8; // fall through
            case 8: b += k.at(p + 7) << 24; // fall through
            case 7: b += k.at(p + 6) << 16; // fall through
            case 6: b += k.at(p + 5) << 8; // fall through
            case 5: b += k.at(p + 4); // fall through
            case 4: a += k.at(p + 3) << 24; // fall through
            case 3: a += k.at(p + 2) << 16; // fall through
            case 2: a += k.at(p + 1) << 8; // fall through
            case 1: a += k.at(p); // fall through
            default: break;
        }
        // final(a, b, c)
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return ((long) b << 32) | (c & 0xffffffffL);
    }

    private static int word(Key k, int p) {
        return k.at(p) | k.at(p + 1) << 8 | k.at(p + 2) << 16 | k.at(p + 3) << 24;
    }
}
