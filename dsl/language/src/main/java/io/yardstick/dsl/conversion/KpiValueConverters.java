package io.yardstick.dsl.conversion;

import com.google.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.KeywordAlternativeConverter;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/** Value conversion for the rules the grammar defines beyond Xtext's common terminals. */
public class KpiValueConverters extends DefaultTerminalConverters {
	@Inject
	private KeywordAlternativeConverter validId;

	@Inject
	private ValidIdQualifiedNameConverter qualifiedName;

	@Inject
	private NumberConverter number;

	/** Kind and grain names double as identifiers; {@code ^name} escapes any other keyword. */
	@ValueConverter(rule = "ValidID")
	public IValueConverter<String> ValidID() {
		return validId;
	}

	@ValueConverter(rule = "QualifiedName")
	public IValueConverter<String> QualifiedName() {
		return qualifiedName;
	}

	@ValueConverter(rule = "QualifiedNameWithWildcard")
	public IValueConverter<String> QualifiedNameWithWildcard() {
		return qualifiedName;
	}

	@ValueConverter(rule = "Number")
	public IValueConverter<BigDecimal> Number() {
		return number;
	}

	@ValueConverter(rule = "SignedNumber")
	public IValueConverter<BigDecimal> SignedNumber() {
		return number;
	}

	/**
	 * Qualified names whose segments are ValidIDs. Xtext's QualifiedNameValueConverter looks for
	 * leaves called by the segment rule, but a ValidID's leaves are IDs and keywords; so read the
	 * visible leaves directly, dropping separators and escape carets.
	 */
	public static class ValidIdQualifiedNameConverter extends AbstractValueConverter<String> {
		@Override
		public String toValue(String string, INode node) {
			if (node == null) {
				return string == null ? null : string.replace("^", "");
			}
			StringBuilder name = new StringBuilder();
			for (ILeafNode leaf : node.getLeafNodes()) {
				String text = leaf.getText();
				if (leaf.isHidden() || ".".equals(text)) {
					continue;
				}
				if (".*".equals(text)) {
					name.append(".*");
					continue;
				}
				if (name.length() > 0) {
					name.append('.');
				}
				name.append(text.startsWith("^") ? text.substring(1) : text);
			}
			return name.toString();
		}

		@Override
		public String toString(String value) {
			return value;
		}
	}

	/**
	 * Number and SignedNumber: kept exact as BigDecimal. The tokens must touch: {@code 4 . 2} is not
	 * a number, however the parser split it.
	 */
	public static class NumberConverter extends AbstractValueConverter<BigDecimal> {
		private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");

		@Override
		public BigDecimal toValue(String string, INode node) {
			if (node != null) {
				for (ILeafNode leaf : node.getLeafNodes()) {
					if (leaf.isHidden() && leaf.getTotalOffset() > node.getOffset()
							&& leaf.getTotalEndOffset() < node.getEndOffset()) {
						// The string is null where the parser recovered inside the number (found by the fuzz suite).
						throw new ValueConverterException("write the number `" + (string == null ? node.getText().strip()
								: string).replaceAll("\\s+", "")
								+ "` without spaces or comments inside it", node, null);
					}
				}
			}
			String text = string == null ? "" : WHITE_SPACE.matcher(string).replaceAll("");
			try {
				return new BigDecimal(text);
			} catch (NumberFormatException e) {
				throw new ValueConverterException("`" + text + "` is not a number", node, e);
			}
		}

		@Override
		public String toString(BigDecimal value) {
			return value.toPlainString();
		}
	}
}
