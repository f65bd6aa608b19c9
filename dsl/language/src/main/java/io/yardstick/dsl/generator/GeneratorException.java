package io.yardstick.dsl.generator;

import org.eclipse.emf.ecore.EObject;

/**
 * A construct the generator cannot translate (the validator accepts more than the calculator runs, or a
 * model with errors slipped through); reported as a positioned finding, never as a stack trace.
 */
public final class GeneratorException extends RuntimeException {
	private static final long serialVersionUID = 1L;
	private final transient EObject where;

	public GeneratorException(EObject where, String message) {
		super(message);
		this.where = where;
	}

	public EObject where() {
		return where;
	}
}
