package io.yardstick.dsl.generator;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.model.Sources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local variables one generated method declares before its loop: the columns it reads (so the loop
 * indexes plain arrays) and the dictionary codes of the text literals it compares with.
 */
final class ScanLocals {
	static final ClassName DICTIONARY = ClassName.get("io.yardstick.runtime.data", "Dictionary");
	static final ClassName PREVIOUS_ROWS = ClassName.get("io.yardstick.runtime.calc", "PreviousRows");

	private final JavaNames names;
	private final Map<Field, String> columns = new LinkedHashMap<>();
	private final Map<Field, String> dictionaries = new LinkedHashMap<>();
	private final Map<String, String> literalCodes = new LinkedHashMap<>();
	private final Map<String, String> previousRows = new LinkedHashMap<>();
	private final List<CodeBlock> declarations = new ArrayList<>();

	ScanLocals(JavaNames names) {
		this.names = names;
	}

	/** The local holding the field's column. */
	String column(Field field) {
		return columns.computeIfAbsent(field, f -> {
			Source source = Sources.sourceOf(f);
			String local = names.member(source.getName(), f.getName());
			Storage storage = Storage.of(f);
			declarations.add(CodeBlock.of("$L[] $L = run.table($S).$L($S);\n", storage.javaType, local,
					source.getName(), storage.accessor, f.getName()));
			return local;
		});
	}

	/** The local holding a text field's dictionary. */
	String dictionary(Field field) {
		return dictionaries.computeIfAbsent(field, f -> {
			String local = names.member(Sources.sourceOf(f).getName(), f.getName(), "values");
			declarations.add(CodeBlock.of("$T $L = run.table($S).dictionary($S);\n", DICTIONARY, local,
					Sources.sourceOf(f).getName(), f.getName()));
			return local;
		});
	}

	/** The local holding the code of a text literal in a field's dictionary (NO_MATCH when absent). */
	String literalCode(Field field, String text) {
		String key = Sources.sourceOf(field).getName() + "." + field.getName() + "=" + text;
		return literalCodes.computeIfAbsent(key, k -> {
			String local = names.member(field.getName(), "code");
			declarations.add(CodeBlock.of("int $L = $L.code($S);\n", local, dictionary(field), JavaNames.text(text)));
			return local;
		});
	}

	/** The local holding, per row, the time of the same entity's previous row ({@code PreviousRows}). */
	String previousRow(Field time, Field reference) {
		String key = time.getName() + " per " + reference.getName();
		String existing = previousRows.get(key);
		if (existing != null) {
			return existing;
		}
		String entities = column(reference);
		String times = column(time);
		String local = names.member("previous", time.getName(), "per", reference.getName());
		declarations.add(CodeBlock.of("long[] $L = $T.latestEarlier($L, $L);\n", local, PREVIOUS_ROWS, entities, times));
		previousRows.put(key, local);
		return local;
	}

	/** Whether the method reads {@code PreviousRows}, which are found over all rows of a source at once. */
	boolean readsPreviousRows() {
		return !previousRows.isEmpty();
	}

	/** The names of the method's locals, for any other local it declares. */
	JavaNames names() {
		return names;
	}

	List<CodeBlock> declarations() {
		return declarations;
	}

	/** How a field's column is held and read from a runtime Table. */
	enum Storage {
		NUMBER("double", "numbers"), TIME("long", "times"), CODE("int", "codes"), FLAG("byte", "flags"),
		ROW("int", "rowRefs");

		final String javaType;
		final String accessor;

		Storage(String javaType, String accessor) {
			this.javaType = javaType;
			this.accessor = accessor;
		}

		static Storage of(Field field) {
			if (field.getReference() != null) {
				return ROW;
			}
			return switch (Sources.typeOf(field.getKind()).kind()) {
				case TIMESTAMP, DATE -> TIME;
				case TEXT, ENUM -> CODE;
				case BOOL -> FLAG;
				default -> NUMBER;
			};
		}
	}
}
