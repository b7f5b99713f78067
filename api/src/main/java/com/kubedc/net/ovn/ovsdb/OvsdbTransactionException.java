package com.kubedc.net.ovn.ovsdb;

/** The server refused a transaction: which operation ({@code -1}: the commit or the request), its error and details. */
public class OvsdbTransactionException extends OvsdbException {
    private final int operation;
    private final String error;
    private final String details;

    public OvsdbTransactionException(int operation, String error, String details) {
        super("OVSDB transaction failed" + (operation >= 0 ? " at operation " + operation : "") + ": " + error
                + (details == null || details.isEmpty() ? "" : " (" + details + ")"));
        this.operation = operation;
        this.error = error;
        this.details = details;
    }

    public int operation() {
        return operation;
    }

    public String error() {
        return error;
    }

    public String details() {
        return details;
    }
}
