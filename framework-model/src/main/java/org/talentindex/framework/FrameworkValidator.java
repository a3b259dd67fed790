package org.talentindex.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that span several parts of a definition: unique codes, weights, method-specific settings, derived-indicator cycles. */
final class FrameworkValidator {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    private final Framework framework;
    private final YamlNode root;
    private final Map<String, String> definedAt = new HashMap<>();

    private FrameworkValidator(Framework framework, YamlNode root) {
        this.framework = framework;
        this.root = root;
    }

    static void validate(Framework framework, YamlNode root) {
        new FrameworkValidator(framework, root).run();
    }

    private void run() {
        YamlNode dimensionList = root.child("dimensions");
        checkSiblingWeights(framework.dimensions().stream().map(Dimension::weight).toList(), framework.weighting().method(), dimensionList);
        for (int i = 0; i < framework.dimensions().size(); i++) {
            dimension(framework.dimensions().get(i), dimensionList.element(i));
        }
        regions();
        derived();
        methodSettings();
    }

    private void dimension(Dimension dimension, YamlNode node) {
        unique(dimension.code(), node.child("code"));
        WeightingMethod childWeighting = dimension.weighting() != null ? dimension.weighting() : framework.weighting().method();
        if (dimension.holdsIndicators()) {
            YamlNode indicatorList = node.child("indicators");
            checkSiblingWeights(dimension.indicators().stream().map(Indicator::weight).toList(), childWeighting, indicatorList);
            for (int i = 0; i < dimension.indicators().size(); i++) {
                indicator(dimension.indicators().get(i), indicatorList.element(i));
            }
        } else {
            YamlNode childList = node.child("dimensions");
            checkSiblingWeights(dimension.dimensions().stream().map(Dimension::weight).toList(), childWeighting, childList);
            for (int i = 0; i < dimension.dimensions().size(); i++) {
                dimension(dimension.dimensions().get(i), childList.element(i));
            }
        }
    }

    private void indicator(Indicator indicator, YamlNode node) {
        unique(indicator.code(), node.child("code"));
        if (framework.normalisation().method() == NormalisationMethod.DISTANCE_TO_TARGET && indicator.target() == null) {
            throw node.child("target").error("distance-to-target normalisation needs a target for every indicator");
        }
        if (framework.normalisation().method() == NormalisationMethod.GOALPOSTS
                && !(Double.isFinite(indicator.range().min()) && Double.isFinite(indicator.range().max())
                && indicator.range().max() > indicator.range().min())) {
            throw node.child("range").error("goalposts normalisation needs a finite range (min < max) for every indicator");
        }
        if (indicator.denominator() != null && indicator.denominator().indicator().equals(indicator.code())) {
            throw node.child("denominator").error("an indicator cannot be its own denominator");
        }
    }

    private void unique(String code, YamlNode where) {
        String previous = definedAt.putIfAbsent(code, where.path());
        if (previous != null) {
            throw where.error("code " + code + " is already defined at " + previous + " (an indicator or dimension appears once)");
        }
    }

    private static void checkSiblingWeights(List<Double> weights, WeightingMethod method, YamlNode list) {
        if (!method.declared()) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) == null) {
                throw list.element(i).child("weight").error("missing: " + method.name().toLowerCase() + " weighting needs a weight here");
            }
            sum += weights.get(i);
        }
        if (method == WeightingMethod.FIXED && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw list.error("fixed weights of these siblings sum to " + sum + ", not 1");
        }
        if (sum <= 0) {
            throw list.error("relative weights of these siblings sum to 0");
        }
    }

    private void regions() {
        Set<String> seen = new HashSet<>();
        YamlNode list = root.child("regions");
        for (int i = 0; i < framework.regions().size(); i++) {
            if (!seen.add(framework.regions().get(i).code())) {
                throw list.element(i).child("code").error("region " + framework.regions().get(i).code() + " is listed twice");
            }
        }
        String reference = framework.normalisation().referenceRegion();
        if (framework.normalisation().method() == NormalisationMethod.DISTANCE_TO_REFERENCE && reference == null) {
            throw root.child("normalisation").child("reference-region").error("distance-to-reference needs a reference region");
        }
    }

    /** Derived indicators may build on each other, but not in a circle. */
    private void derived() {
        Map<String, DerivedIndicator> byCode = new HashMap<>();
        YamlNode list = root.child("derived");
        for (int i = 0; i < framework.derived().size(); i++) {
            DerivedIndicator derived = framework.derived().get(i);
            if (byCode.put(derived.code(), derived) != null) {
                throw list.element(i).child("code").error("derived indicator " + derived.code() + " is defined twice");
            }
        }
        for (int i = 0; i < framework.derived().size(); i++) {
            String cycle = cycleFrom(framework.derived().get(i).code(), byCode, new ArrayList<>());
            if (cycle != null) {
                throw list.element(i).child("inputs").error("derived indicators form a cycle: " + cycle);
            }
        }
    }

    private static String cycleFrom(String code, Map<String, DerivedIndicator> byCode, List<String> trail) {
        if (trail.contains(code)) {
            return String.join(" -> ", trail.subList(trail.indexOf(code), trail.size())) + " -> " + code;
        }
        DerivedIndicator derived = byCode.get(code);
        if (derived == null) {
            return null;
        }
        trail.add(code);
        for (String input : derived.inputs()) {
            String cycle = cycleFrom(input, byCode, trail);
            if (cycle != null) {
                return cycle;
            }
        }
        trail.remove(trail.size() - 1);
        return null;
    }

    private void methodSettings() {
        switch (framework.kind()) {
            case STRUCTURE_DEVIATION -> {
                if (framework.sectors().isEmpty()) {
                    throw root.child("sectors").error("structure-deviation needs sectors with output-share and employment-share");
                }
                for (int i = 0; i < framework.sectors().size(); i++) {
                    Sector sector = framework.sectors().get(i);
                    YamlNode node = root.child("sectors").element(i);
                    for (String code : new String[] {sector.outputShare(), sector.employmentShare()}) {
                        if (code == null || framework.indicator(code).isEmpty()) {
                            throw node.error("output-share and employment-share must name indicators of the framework");
                        }
                    }
                }
            }
            case EARLY_WARNING -> {
                if (framework.riskLevels().isEmpty()) {
                    throw root.child("risk-levels").error("early-warning needs risk levels");
                }
                for (int i = 0; i < framework.sectors().size(); i++) {
                    String code = framework.sectors().get(i).code();
                    if (framework.dimensions().stream().noneMatch(d -> d.code().equals(code))) {
                        throw root.child("sectors").element(i).child("code").error("an early-warning sector must be a top-level dimension");
                    }
                }
            }
            case COUPLING_COORDINATION -> {
                if (framework.dimensions().size() < 2) {
                    throw root.child("dimensions").error("coupling-coordination needs at least two subsystems (top-level dimensions)");
                }
            }
            case COMPOSITE -> {
            }
        }
    }
}
