package com.kubedc.net.ovn.ovsdb;

/** No answer within the request timeout; the connection is then considered dead and re-made. */
public class OvsdbTimeoutException extends OvsdbException {
    public OvsdbTimeoutException(String message) {
        super(message);
    }
}
