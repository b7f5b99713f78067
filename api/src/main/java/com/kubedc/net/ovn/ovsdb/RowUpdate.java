package com.kubedc.net.ovn.ovsdb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One row's change; {@code oldRow} null on insert, {@code newRow} null on delete (RFC 7047 §4.1.6). */
public record RowUpdate(ObjectNode oldRow, ObjectNode newRow) {}
