package com.kubedc.net.ovn.ovsdb;

/** Anything that went wrong talking to OVSDB; the subclasses say what, so callers can tell retryable from not. */
public class OvsdbException extends RuntimeException {
    public OvsdbException(String message) {
        super(message);
    }

    public OvsdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
