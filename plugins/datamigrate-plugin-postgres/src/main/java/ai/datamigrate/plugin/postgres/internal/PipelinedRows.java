package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.data.RowConsumer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A producer/consumer pipeline between a row source and a {@link TableCopy}: the source's thread only reads and
 * parses (a script, a CSV file) and hands rows over in batches; a worker thread converts, hashes, encodes and writes
 * them to the COPY. The two halves of a table's load run on two cores. Calls reach the target in the order the
 * source made them; the queue is bounded, so memory stays a few batches whatever the table's size.
 */
final class PipelinedRows implements RowConsumer {

    private static final int BATCH = 1024;
    private static final int BATCHES_IN_FLIGHT = 8;
    private static final Object[] END = new Object[0];

    private record Row(List<Object> values, SourceLocation location) {
    }

    private record Columns(List<String> names) {
    }

    private record Reject(SourceLocation location, String reason, String text) {
    }

    private record Aggregates(ai.datamigrate.spi.data.SourceAggregates aggregates) {
    }

    private final RowConsumer target;
    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
    private final Thread worker;
    private Object[] batch = new Object[BATCH];
    private int size;
    /** Set by the worker when the target asked to stop or failed; read by the source's thread. */
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private volatile Error error;

    PipelinedRows(RowConsumer target, String name) {
        this.target = target;
        this.worker = new Thread(this::work, name);
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        try {
            while (true) {
                Object[] items = queue.take();
                if (items == END) {
                    return;
                }
                // after a stop or a failure, keep draining so that the source's thread never blocks
                for (int i = 0; i < items.length && items[i] != null && !stopped; i++) {
                    Object item = items[i];
                    if (item instanceof Row row) {
                        if (!target.row(row.values(), row.location())) {
                            stopped = true;
                        }
                    } else if (item instanceof Columns columns) {
                        target.columns(columns.names());
                    } else if (item instanceof Reject reject) {
                        target.reject(reject.location(), reject.reason(), reject.text());
                    } else if (item instanceof Aggregates aggregates) {
                        target.sourceAggregates(aggregates.aggregates());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            stopped = true;
            drain();
        } catch (Error e) {
            error = e;
            stopped = true;
            drain();
        }
    }

    private void drain() {
        try {
            while (queue.take() != END) {
                // discard: the load of this table has failed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(Object item) {
        batch[size++] = item;
        if (size == BATCH) {
            send();
        }
    }

    private void send() {
        if (size == 0) {
            return;
        }
        Object[] full = batch;
        batch = new Object[BATCH];
        size = 0;
        put(full);
    }

    private void put(Object[] items) {
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }

    @Override
    public void columns(List<String> columnNames) {
        add(new Columns(List.copyOf(columnNames)));
    }

    @Override
    public boolean row(List<Object> values, SourceLocation location) {
        if (stopped) {
            return false;
        }
        // a copy: the SPI lets a source reuse its list once row() returns
        add(new Row(java.util.Arrays.asList(values.toArray()), location));
        return true;
    }

    @Override
    public void reject(SourceLocation location, String reason, String text) {
        add(new Reject(location, reason, text));
    }

    @Override
    public void sourceAggregates(ai.datamigrate.spi.data.SourceAggregates aggregates) {
        add(new Aggregates(aggregates));
    }

    /** Hands over the last rows and waits for the worker; rethrows what failed there. */
    void finish() {
        send();
        put(END);
        join();
        if (error != null) {
            throw error;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops the worker after a failure on the source's side; what it did not process is dropped. */
    void abort() {
        stopped = true;
        size = 0;
        put(END);
        join();
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        }
    }
}
