package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.Table;

/**
 * The identity values of one table's load, by SQL Server's rule: the seed first, then the last value (explicit ones
 * included) plus the increment.
 */
public final class IdentityValues {

    private final Identity[] identities;
    /** Per column, the last identity value (explicit or generated); null before the first. */
    private final Long[] last;
    private final boolean any;

    public IdentityValues(Table table) {
        int n = table.columns().size();
        this.identities = new Identity[n];
        this.last = new Long[n];
        boolean found = false;
        for (int i = 0; i < n; i++) {
            identities[i] = table.columns().get(i).identity().orElse(null);
            found |= identities[i] != null;
        }
        this.any = found;
    }

    /** Whether the table has an identity column at all. */
    public boolean any() {
        return any;
    }

    public boolean isIdentity(int column) {
        return identities[column] != null;
    }

    /** The next value of identity column {@code column}. */
    public long next(int column) {
        Identity identity = identities[column];
        long next = last[column] == null ? identity.seed() : last[column] + identity.increment();
        last[column] = next;
        return next;
    }

    /** An explicit value (SET IDENTITY_INSERT ON) moves the identity on when it goes past it. */
    public void observe(int column, long value) {
        Long previous = last[column];
        boolean ascending = identities[column].increment() >= 0;
        if (previous == null || (ascending ? value > previous : value < previous)) {
            last[column] = value;
        }
    }
}
