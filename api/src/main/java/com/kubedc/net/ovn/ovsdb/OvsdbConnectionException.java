package com.kubedc.net.ovn.ovsdb;

/** Not connected, or the connection was lost before the answer came. Retry later. */
public class OvsdbConnectionException extends OvsdbException {
    public OvsdbConnectionException(String message) {
        super(message);
    }

    public OvsdbConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
