package com.kubedc.net;
class SmokeTest { @org.junit.jupiter.api.Test void runs() { org.junit.jupiter.api.Assertions.assertEquals(2, 1 + 1); } }
