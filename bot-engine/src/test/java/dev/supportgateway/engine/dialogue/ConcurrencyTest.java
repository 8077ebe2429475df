package dev.supportgateway.engine.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private final Gateway gateway = new Gateway();

    @Test
    void messagesOfOneCustomerAreSerializedAndOfManyCustomersRunInParallel() throws Exception {
        int customers = 6;
        int threadsPerCustomer = 3;
        int messagesPerThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(customers * threadsPerCustomer);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            CustomerAddress customer = Gateway.widget("session-" + c);
            for (int t = 0; t < threadsPerCustomer; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int m = 0; m < messagesPerThread; m++) {
                        gateway.engine.receive(Inbound.text(TestDesks.INITIATIVA, customer, "t" + thread + "-m" + m, "привет",
                                gateway.clock.instant()));
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        for (int c = 0; c < customers; c++) {
            Conversation conversation = gateway.conversation(TestDesks.INITIATIVA, Gateway.widget("session-" + c));
            long fromCustomer = conversation.transcript().stream().filter(Message::fromCustomer).count();
            assertThat(fromCustomer).isEqualTo((long) threadsPerCustomer * messagesPerThread);
            assertThat(conversation.version()).isEqualTo((long) threadsPerCustomer * messagesPerThread);
        }
    }

    @Test
    void ofTwoOperatorsTakingOverAtOnceExactlyOneWins() throws Exception {
        gateway.say(TestDesks.INITIATIVA, Gateway.widget("s"), "Не открывается отчёт");
        Conversation waiting = gateway.conversation(TestDesks.INITIATIVA, Gateway.widget("s"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Operator operator = new Operator("op-" + i, "Оператор " + i);
            done.add(pool.submit(() -> {
                try {
                    gateway.engine.takeOver(waiting.id(), operator);
                } catch (HeldByAnotherOperator e) {
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(refused.get()).isEqualTo(7);
        Conversation held = gateway.conversation(TestDesks.INITIATIVA, Gateway.widget("s"));
        assertThat(held.state()).isEqualTo(ConversationState.WITH_OPERATOR);
        assertThat(held.transcript().stream().filter(m -> m.text().endsWith("подключился к чату.")).count()).isEqualTo(1);
    }

    @Test
    void locksAreForgottenWhenNobodyHoldsThem() {
        InProcessConversationLocks locks = new InProcessConversationLocks();
        locks.exclusively(TestDesks.EDOC, Gateway.widget("a"), () -> locks.exclusively(TestDesks.EDOC, Gateway.widget("a"), () -> 1));

        assertThat(locks.size()).isZero();
    }
}
