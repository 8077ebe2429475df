package dev.supportgateway.engine.delivery;

/** The operators' side of delivery: the console (and supervisors) are told what happens in conversations. */
public interface OperatorConsole {

    /** Called after the change is stored; like {@link Deliveries#deliver}, it should not block for long. */
    void publish(ConsoleEvent event);
}
