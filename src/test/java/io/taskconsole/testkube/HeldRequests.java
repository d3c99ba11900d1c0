package io.taskconsole.testkube;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Requests the test API server keeps waiting (no answer) until closed: a client that is stopped
 * exactly at one call, so a test can act on it there (kill its process, say) from outside.
 * Matching uses a {@link FaultRule}'s verb, resource, namespace and name; its status is ignored.
 */
public final class HeldRequests implements AutoCloseable {

    /** No request waits longer than this, so a forgotten hold can't wedge the shared server. */
    private static final Duration LONGEST = Duration.ofMinutes(2);

    private final FaultRule rule;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final Runnable remove;
    /** Matching requests still let through before the first one is held. */
    private final java.util.concurrent.atomic.AtomicInteger letThrough;

    HeldRequests(FaultRule rule, int letThrough, java.util.function.Function<HeldRequests, Runnable> register) {
        this.rule = rule;
        this.letThrough = new java.util.concurrent.atomic.AtomicInteger(letThrough);
        this.remove = register.apply(this);
    }

    boolean matches(ApiRequest request) {
        return request.isResource() && rule.matches(request);
    }

    void hold() {
        if (letThrough.getAndDecrement() > 0) {
            return;
        }
        arrived.countDown();
        try {
            released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether a matching request arrived (and is being held) within {@code timeout}. */
    public boolean awaitHeld(Duration timeout) throws InterruptedException {
        return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets held requests go on and holds no more. */
    @Override
    public void close() {
        remove.run();
        released.countDown();
    }
}
