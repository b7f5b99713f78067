package com.kubedc.net.project;

/** Bad input found before any write: a reason for the condition and event, and a message for people. */
public record Problem(String reason, String message) {}
