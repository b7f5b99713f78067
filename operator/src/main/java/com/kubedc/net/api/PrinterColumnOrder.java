package com.kubedc.net.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a generated CRD's printer columns in the order its kind declares them with
 * {@link AdditionalPrinterColumn} (upstream's order): the fabric8 generator sorts them by JSONPath.
 * Runs at build time only, as QOSDK's {@code quarkus.operator-sdk.crd.post-processor}.
 */
public class PrinterColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition v1) {
            List<String> declared = declared(v1.getSpec().getNames().getKind());
            v1.getSpec()
                    .getVersions()
                    .forEach(v -> v.setAdditionalPrinterColumns(sorted(v.getAdditionalPrinterColumns(), declared)));
        }
        return crd;
    }

    /** Column names in declaration order of the kind's class in api.v1; empty for a kind not ours. */
    public static List<String> declared(String kind) {
        try {
            Class<?> type = Class.forName(
                    PrinterColumnOrder.class.getPackageName() + ".v1." + kind,
                    false,
                    PrinterColumnOrder.class.getClassLoader());
            return Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::name)
                    .toList();
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }

    /** A stable sort by declared position; columns not declared (none today) keep their place at the end. */
    public static List<CustomResourceColumnDefinition> sorted(
            List<CustomResourceColumnDefinition> columns, List<String> declared) {
        if (columns == null || columns.isEmpty()) {
            return columns;
        }
        List<CustomResourceColumnDefinition> out = new ArrayList<>(columns);
        out.sort(Comparator.comparingInt(
                c -> declared.contains(c.getName()) ? declared.indexOf(c.getName()) : declared.size()));
        return out;
    }
}
