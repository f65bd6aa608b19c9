package io.yardstick.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * The language's validator. It only composes the per-concern validators; each rule lives in one
 * of them and reports one of the codes in {@link IssueCodes}. docs/validation.md lists them all.
 */
@ComposedChecks(validators = {
		ReferenceValidator.class,
		TypeValidator.class,
		LayerLinkValidator.class,
		TargetValidator.class,
		TemplateValidator.class,
		AggregationValidator.class,
		BreakdownValidator.class,
		ReportValidator.class,
		InheritanceValidator.class,
		TestValidator.class, DataFormatValidator.class, DimensionValueValidator.class,
		CohortTableValidator.class })
public class KpiValidator extends AbstractKpiValidator {
}
