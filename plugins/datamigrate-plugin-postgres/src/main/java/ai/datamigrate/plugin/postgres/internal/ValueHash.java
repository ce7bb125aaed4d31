package ai.datamigrate.plugin.postgres.internal;

/**
 * An order-independent fingerprint of a column: the sum, modulo 2^64, of a 64-bit hash of each non-null value's
 * canonical text. Rows may come back from PostgreSQL in any order; the sum does not care.
 */
final class ValueHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ValueHash() {
    }

    /**
     * FNV-1a over the UTF-16 code units (no byte array per value: this runs for every value, twice), then the
     * SplitMix64 finalizer so that sums of similar values do not cancel out.
     */
    static long of(String canonical) {
        long h = FNV_OFFSET;
        for (int i = 0; i < canonical.length(); i++) {
            h ^= canonical.charAt(i);
            h *= FNV_PRIME;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    static String hex(long sum) {
        return String.format("%016x", sum);
    }
}
