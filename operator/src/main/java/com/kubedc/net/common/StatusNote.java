package com.kubedc.net.common;

/**
 * One thing a status change tells the user: a Normal event, or a Warning event that is a refusal
 * (counted in {@code kubedc_refusals_total{kind=refusalKind}} when {@code refusalKind} is set).
 */
public record StatusNote(String type, String reason, String message, String refusalKind) {
    public static StatusNote normal(String reason, String message) {
        return new StatusNote(Events.NORMAL, reason, message, null);
    }

    public static StatusNote refusal(String kind, String reason, String message) {
        return new StatusNote(Events.WARNING, reason, message, kind);
    }

    public boolean warning() {
        return Events.WARNING.equals(type);
    }
}
