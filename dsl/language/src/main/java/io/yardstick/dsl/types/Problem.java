package io.yardstick.dsl.types;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/** A typing error the analyzer found, located at a node (and optionally one of its features). */
public record Problem(EObject node, EStructuralFeature feature, String code, String message) {
}
