package com.kubedc.net.ovn.ovsdb;

/** Receives a monitor's state: the whole of it on every (re)connection, then each change. */
public interface MonitorListener {
    void onSnapshot(TableUpdates snapshot);

    void onUpdate(TableUpdates update);
}
