package com.kubedc.net.gatewayroute;

import java.util.List;

/**
 * The shared Gateway holds at most 64 listeners (Gateway API limit). A claim that needs a new
 * listener is refused when the Gateway is full, before anything is patched, so a rejected patch
 * never drops other tenants' listeners (Decision 8). Pure.
 */
public final class ListenerBudget {
    public static final int MAX_LISTENERS = 64;

    private ListenerBudget() {}

    /** True when {@code listener} exists already or there is room for it among {@code existing}. */
    public static boolean admits(List<String> existing, String listener) {
        return existing.contains(listener) || existing.size() < MAX_LISTENERS;
    }
}
