package com.kubedc.net.loadbalancer;

/** Where a Service's load balancer stands after a reconcile: a reason, a message, the address when programmed. */
record LbOutcome(String reason, String message, String address) {
    static LbOutcome programmed(String address, String message) {
        return new LbOutcome(LbReasons.PROGRAMMED, message, address);
    }

    static LbOutcome not(String reason, String message) {
        return new LbOutcome(reason, message, null);
    }

    boolean isProgrammed() {
        return LbReasons.PROGRAMMED.equals(reason);
    }

    /** Transient: the rows already in OVN stay while we wait (an NB reconnect must not drop traffic). */
    boolean keepsRows() {
        return isProgrammed() || LbReasons.WAITING_FOR_OVN.equals(reason);
    }
}
