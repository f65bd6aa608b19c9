package io.yardstick.runtime.spec;

import java.util.List;

/**
 * One field of a source as the template declares it.
 *
 * @param unit the display unit of a duration ({@code s}, {@code min}, {@code h}, {@code d}, {@code w}),
 *     the ISO 4217 code of a currency, else null
 * @param min the lower end of a score's range, or null
 * @param max the upper end of a score's range, or null
 * @param enumValues the declared values of an enum, in order; empty otherwise
 * @param referencedSource the source a reference points at, or null
 */
public record FieldSpec(String name, FieldType type, boolean optional, boolean key, boolean dimension,
		boolean timeAxis, String unit, Double min, Double max, List<String> enumValues, String referencedSource) {

	public FieldSpec {
		enumValues = List.copyOf(enumValues);
	}
}
