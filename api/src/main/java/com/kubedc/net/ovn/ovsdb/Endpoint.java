package com.kubedc.net.ovn.ovsdb;

import java.util.ArrayList;
import java.util.List;

/** One OVSDB server address. A clustered NB is given as several; only its leader takes writes. */
public record Endpoint(String host, int port) {
    /** Parses {@code tcp:10.0.0.1:6641,tcp:10.0.0.2:6641} (the {@code tcp:} prefix may be left out). */
    public static List<Endpoint> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new IllegalArgumentException("no OVSDB endpoint given; expected tcp:<ip>:<port>[,...]");
        }
        List<Endpoint> out = new ArrayList<>();
        for (String raw : csv.split(",")) {
            String s = raw.trim();
            if (s.startsWith("ssl:") || s.startsWith("unix:")) {
                throw new IllegalArgumentException("OVSDB endpoint \"" + s + "\": only tcp:<ip>:<port> is supported");
            }
            if (s.startsWith("tcp:")) {
                s = s.substring(4);
            }
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1) {
                throw new IllegalArgumentException("OVSDB endpoint \"" + raw.trim() + "\" is not tcp:<ip>:<port>");
            }
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("OVSDB endpoint \"" + raw.trim() + "\" has no numeric port", e);
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("OVSDB endpoint \"" + raw.trim() + "\": port out of range");
            }
            out.add(new Endpoint(s.substring(0, colon), port));
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "tcp:" + host + ":" + port;
    }
}
