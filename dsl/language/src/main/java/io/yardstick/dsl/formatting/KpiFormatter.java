package io.yardstick.dsl.formatting;

import io.yardstick.dsl.kpi.Band;
import io.yardstick.dsl.kpi.BinaryExpression;
import io.yardstick.dsl.kpi.Bound;
import io.yardstick.dsl.kpi.CohortAge;
import io.yardstick.dsl.kpi.CohortTable;
import io.yardstick.dsl.kpi.Dimension;
import io.yardstick.dsl.kpi.DimensionValue;
import io.yardstick.dsl.kpi.EnumKind;
import io.yardstick.dsl.kpi.Exclusion;
import io.yardstick.dsl.kpi.Expression;
import io.yardstick.dsl.kpi.Field;
import io.yardstick.dsl.kpi.FieldPath;
import io.yardstick.dsl.kpi.FieldStep;
import io.yardstick.dsl.kpi.FunctionCall;
import io.yardstick.dsl.kpi.IfExpression;
import io.yardstick.dsl.kpi.Import;
import io.yardstick.dsl.kpi.InExpression;
import io.yardstick.dsl.kpi.Kind;
import io.yardstick.dsl.kpi.KpiPackage;
import io.yardstick.dsl.kpi.Label;
import io.yardstick.dsl.kpi.Layer;
import io.yardstick.dsl.kpi.Link;
import io.yardstick.dsl.kpi.Loop;
import io.yardstick.dsl.kpi.MemberAccess;
import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Model;
import io.yardstick.dsl.kpi.Negation;
import io.yardstick.dsl.kpi.NotExpression;
import io.yardstick.dsl.kpi.NullTest;
import io.yardstick.dsl.kpi.NumberLiteral;
import io.yardstick.dsl.kpi.OutsideBand;
import io.yardstick.dsl.kpi.Page;
import io.yardstick.dsl.kpi.PeriodReference;
import io.yardstick.dsl.kpi.Report;
import io.yardstick.dsl.kpi.ScoreKind;
import io.yardstick.dsl.kpi.Source;
import io.yardstick.dsl.kpi.SourceExtension;
import io.yardstick.dsl.kpi.DataFormat;
import io.yardstick.dsl.kpi.DataSetting;
import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.kpi.TemplateMember;
import io.yardstick.dsl.kpi.Tile;
import io.yardstick.dsl.types.Units;
import java.util.List;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.IHiddenRegionFormatter;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.eclipse.xtext.xbase.lib.Procedures.Procedure1;

/**
 * The canonical layout of a template: one declaration per line, blocks indented by one tab,
 * a blank line between blocks, single spaces around binary operators, none inside calls.
 * docs/language.md shows the result; the formatter tests pin it.
 */
public class KpiFormatter extends AbstractJavaFormatter {
	private static final KpiPackage KPI = KpiPackage.eINSTANCE;
	private static final List<String> METRIC_CLAUSES = List.of("target", "warning", "critical", "by", "time", "goal",
			"operability", "generality", "owner", "description");
	private static final List<String> TEMPLATE_SETTINGS = List.of("industry", "timezone", "core-limit", "description");

	protected void format(Model model, IFormattableDocument doc) {
		doc.append(regionFor(model).keyword("package"), it -> it.oneSpace());
		boolean somethingBefore = model.getName() != null;
		for (Import imported : model.getImports()) {
			int lines = imported == model.getImports().get(0) ? 2 : 1;
			if (somethingBefore) {
				doc.prepend(imported, it -> it.setNewLines(lines, lines, 2));
			}
			doc.append(regionFor(imported).keyword("import"), it -> it.oneSpace());
			somethingBefore = true;
		}
		for (EObject element : model.getElements()) {
			if (somethingBefore) {
				doc.prepend(element, it -> it.setNewLines(2, 2, 2));
			}
			doc.format(element);
			somethingBefore = true;
		}
		if (!model.getElements().isEmpty()) {
			doc.append(model.getElements().get(model.getElements().size() - 1), it -> it.setNewLines(1));
		}
	}

	protected void format(Template template, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(template);
		doc.append(regions.keyword("template"), it -> it.oneSpace());
		formatLabels(template.getLabels(), doc);
		doc.surround(regions.keyword("extends"), it -> it.oneSpace());
		block(template, doc);
		boolean hasSettings = false;
		for (String setting : TEMPLATE_SETTINGS) {
			for (ISemanticRegion keyword : regions.keywords(setting)) {
				doc.prepend(keyword, it -> it.newLine());
				doc.append(keyword, it -> it.oneSpace());
				hasSettings = true;
			}
		}
		TemplateMember previous = null;
		for (TemplateMember member : template.getMembers()) {
			int lines = previous == null ? (hasSettings ? 2 : 1)
					: previous.eClass() == member.eClass() && isOneLiner(member) ? 1 : 2;
			doc.prepend(member, it -> it.setNewLines(lines, lines, 2));
			doc.format(member);
			previous = member;
		}
	}

	/** Declarations of one line: a run of them of the same kind stays together, without blank lines. */
	private static boolean isOneLiner(TemplateMember member) {
		return member instanceof Link || member instanceof Loop
				|| member instanceof Dimension dimension && dimension.getValues().isEmpty() || member instanceof Exclusion;
	}

	protected void format(SourceExtension extension, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(extension);
		doc.append(regions.keyword("extend"), it -> it.oneSpace());
		doc.append(regions.keyword("source"), it -> it.oneSpace());
		fieldBlock(extension, extension.getFields(), doc);
	}

	/** A data block: a setting or a column mapping per line, {@code name "value"} and {@code field = "column"}. */
	protected void format(DataFormat format, IFormattableDocument doc) {
		doc.append(regionFor(format).keyword("data"), it -> it.oneSpace());
		block(format, doc);
		for (EObject line : format.eContents()) {
			doc.prepend(line, it -> it.newLine());
			if (line instanceof DataSetting setting) {
				doc.prepend(regionFor(setting).feature(KPI.getDataSetting_Value()), it -> it.oneSpace());
			} else {
				doc.surround(regionFor(line).keyword("="), it -> it.oneSpace());
			}
		}
	}

	protected void format(Exclusion exclusion, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(exclusion);
		doc.append(regions.keyword("exclude"), it -> it.oneSpace());
		doc.append(regions.keyword("metric"), it -> it.oneSpace());
		doc.append(regions.keyword("loop"), it -> it.oneSpace());
		doc.prepend(regions.feature(KPI.getExclusion_Reason()), it -> it.oneSpace());
	}

	protected void format(Source source, IFormattableDocument doc) {
		doc.append(regionFor(source).keyword("source"), it -> it.oneSpace());
		formatLabels(source.getLabels(), doc);
		fieldBlock(source, source.getFields(), doc);
	}

	/** A block of fields, one per line: a source's, or those an extension adds. */
	private void fieldBlock(EObject owner, List<Field> fields, IFormattableDocument doc) {
		block(owner, doc);
		for (Field field : fields) {
			doc.prepend(field, it -> it.newLine());
			doc.format(field);
		}
	}

	protected void format(Field field, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(field);
		doc.append(regions.keyword("key"), it -> it.oneSpace());
		doc.prepend(regions.keyword(":"), it -> it.noSpace());
		doc.append(regions.keyword(":"), it -> it.oneSpace());
		doc.surround(regions.keyword("->"), it -> it.oneSpace());
		doc.prepend(regions.keyword("?"), it -> it.noSpace());
		doc.prepend(regions.keyword("dimension"), it -> it.oneSpace());
		doc.prepend(regions.keyword("time"), it -> it.oneSpace());
		doc.surround(regions.keyword("description"), it -> it.oneSpace());
		formatLabels(field.getLabels(), doc);
		doc.format(field.getKind());
	}

	protected void format(Kind kind, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(kind);
		doc.prepend(regions.keyword("("), it -> it.noSpace());
		doc.append(regions.keyword("("), it -> it.noSpace());
		doc.prepend(regions.keyword(")"), it -> it.noSpace());
		commas(regions, doc, it -> it.oneSpace());
		if (kind instanceof ScoreKind) {
			doc.surround(regions.keyword(".."), it -> it.noSpace());
			doc.append(regions.keyword("-"), it -> it.noSpace());
		}
		if (kind instanceof EnumKind enumKind) {
			enumKind.getValues().forEach(doc::format);
		}
	}

	protected void format(Dimension dimension, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(dimension);
		doc.append(regions.keyword("dimension"), it -> it.oneSpace());
		formatLabels(dimension.getLabels(), doc);
		commas(regions, doc, it -> it.oneSpace());
		dimension.getMappings().forEach(doc::format);
		if (dimension.getValues().isEmpty()) {
			doc.surround(regions.keyword("{"), it -> it.oneSpace());
			doc.prepend(regions.keyword("}"), it -> it.oneSpace());
			return;
		}
		// Labelled values make it a block: the mappings on their own line, then one value per line.
		block(dimension, doc);
		doc.append(regions.keyword("{"), it -> it.newLine());
		for (DimensionValue value : dimension.getValues()) {
			doc.prepend(value, it -> it.newLine());
			doc.append(regionFor(value).keyword("value"), it -> it.oneSpace());
			formatLabels(value.getLabels(), doc);
		}
	}

	/** A cohort table: one {@code age k = metric} per line. */
	protected void format(CohortTable table, IFormattableDocument doc) {
		doc.append(regionFor(table).keyword("cohort"), it -> it.oneSpace());
		formatLabels(table.getLabels(), doc);
		block(table, doc);
		for (CohortAge age : table.getAges()) {
			doc.prepend(age, it -> it.newLine());
			doc.append(regionFor(age).keyword("age"), it -> it.oneSpace());
			doc.surround(regionFor(age).keyword("="), it -> it.oneSpace());
		}
	}

	protected void format(FieldPath path, IFormattableDocument doc) {
		doc.surround(regionFor(path).keyword("."), it -> it.noSpace());
		doc.format(path.getStep());
	}

	protected void format(FieldStep step, IFormattableDocument doc) {
		doc.surround(regionFor(step).keyword("."), it -> it.noSpace());
		doc.format(step.getNext());
	}

	protected void format(Layer layer, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(layer);
		doc.append(regions.keyword("layer"), it -> it.oneSpace());
		formatLabels(layer.getLabels(), doc);
		doc.surround(regions.keyword("level"), it -> it.oneSpace());
		block(layer, doc);
		boolean first = true;
		for (Metric metric : layer.getMetrics()) {
			int lines = first ? 1 : 2;
			doc.prepend(metric, it -> it.setNewLines(lines, lines, 2));
			doc.format(metric);
			first = false;
		}
	}

	protected void format(Metric metric, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(metric);
		doc.append(regions.keyword("override"), it -> it.oneSpace());
		doc.append(regions.keyword("metric"), it -> it.oneSpace());
		formatLabels(metric.getLabels(), doc);
		doc.surround(regions.keyword(":"), it -> it.oneSpace());
		doc.prepend(regions.feature(KPI.getMetric_Direction()), it -> it.oneSpace());
		doc.prepend(regions.keyword("supporting"), it -> it.oneSpace());
		block(metric, doc);
		doc.prepend(regions.keyword("="), it -> it.newLine());
		doc.append(regions.keyword("="), it -> it.oneSpace());
		for (String clause : METRIC_CLAUSES) {
			for (ISemanticRegion keyword : regions.keywords(clause)) {
				doc.prepend(keyword, it -> it.newLine());
				doc.append(keyword, it -> it.oneSpace());
			}
		}
		commas(regions, doc, it -> it.oneSpace());
		doc.format(metric.getKind());
		if (metric.getFormula() != null) {
			ISemanticRegion equals = regions.keyword("=");
			ISemanticRegion lastOfFormula = textRegionExtensions.regionForEObject(metric.getFormula())
					.getNextHiddenRegion().getPreviousSemanticRegion();
			if (equals != null && lastOfFormula != null) {
				doc.interior(equals, lastOfFormula, it -> it.indent());
			}
		}
		doc.format(metric.getFormula());
		doc.format(metric.getTarget());
		doc.format(metric.getWarning());
		doc.format(metric.getCritical());
		doc.format(metric.getTimeAxis());
	}

	protected void format(Report report, IFormattableDocument doc) {
		doc.append(regionFor(report).keyword("report"), it -> it.oneSpace());
		formatLabels(report.getLabels(), doc);
		block(report, doc);
		for (Page page : report.getPages()) {
			doc.prepend(page, it -> it.newLine());
			doc.format(page);
		}
	}

	protected void format(Page page, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(page);
		doc.append(regions.keyword("page"), it -> it.oneSpace());
		formatLabels(page.getLabels(), doc);
		// As after a metric's or a loop's labels: `page links "因果" : graph`.
		doc.surround(regions.keyword(":"), it -> it.oneSpace());
		if (regions.keyword("{") != null) {
			block(page, doc);
		}
		for (Tile tile : page.getTiles()) {
			doc.prepend(tile, it -> it.newLine());
			doc.format(tile);
		}
	}

	protected void format(Tile tile, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(tile);
		doc.append(regions.keyword("tile"), it -> it.oneSpace());
		doc.prepend(regions.keyword(":"), it -> it.noSpace());
		doc.append(regions.keyword(":"), it -> it.oneSpace());
		doc.surround(regions.keyword("by"), it -> it.oneSpace());
		commas(regions, doc, it -> it.oneSpace());
	}

	protected void format(Bound bound, IFormattableDocument doc) {
		doc.append(regionFor(bound).feature(KPI.getBound_Operator()), it -> it.oneSpace());
		doc.format(bound.getValue());
	}

	protected void format(Band band, IFormattableDocument doc) {
		doc.append(regionFor(band).keyword("between"), it -> it.oneSpace());
		doc.surround(regionFor(band).keyword("and"), it -> it.oneSpace());
		doc.format(band.getLow());
		doc.format(band.getHigh());
	}

	protected void format(OutsideBand band, IFormattableDocument doc) {
		doc.append(regionFor(band).keyword("outside"), it -> it.oneSpace());
		doc.surround(regionFor(band).keyword("and"), it -> it.oneSpace());
		doc.format(band.getLow());
		doc.format(band.getHigh());
	}

	protected void format(Link link, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(link);
		doc.append(regions.keyword("link"), it -> it.oneSpace());
		doc.surround(regions.keyword("->"), it -> it.oneSpace());
		doc.surround(regions.keyword(":"), it -> it.oneSpace());
		doc.surround(regions.keyword("lag"), it -> it.oneSpace());
		doc.prepend(regions.feature(KPI.getLink_Grain()), it -> it.oneSpace());
		doc.surround(regions.keyword("status"), it -> it.oneSpace());
		doc.prepend(regions.keyword("feedback"), it -> it.oneSpace());
		doc.prepend(regions.feature(KPI.getLink_Rationale()), it -> it.oneSpace());
	}

	protected void format(Loop loop, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(loop);
		doc.append(regions.keyword("loop"), it -> it.oneSpace());
		formatLabels(loop.getLabels(), doc);
		doc.prepend(regions.keyword(":"), it -> it.oneSpace());
		doc.append(regions.keyword(":"), KpiFormatter::spaceOrLineBreak);
		for (ISemanticRegion arrow : regions.keywords("->")) {
			doc.prepend(arrow, KpiFormatter::spaceOrLineBreak);
			doc.append(arrow, it -> it.oneSpace());
		}
		List<ISemanticRegion> steps = regions.features(KPI.getLoop_Steps());
		if (!steps.isEmpty()) {
			doc.interior(regions.keyword(":"), steps.get(steps.size() - 1), it -> it.indent());
		}
	}

	// ------------------------------------------------------------------ expressions

	/**
	 * A chain such as a + b + c is a left-deep tree: its operators are formatted in one loop down the left
	 * side, so that a long chain costs no stack (formatting recurses only into right operands).
	 */
	protected void format(BinaryExpression binary, IFormattableDocument doc) {
		Expression left = binary;
		while (left instanceof BinaryExpression chained) {
			doc.surround(regionFor(chained).feature(KPI.getBinaryExpression_Operator()), KpiFormatter::spaceOrLineBreak);
			parentheses(chained, doc);
			doc.format(chained.getRight());
			left = chained.getLeft();
		}
		doc.format(left);
	}

	protected void format(NotExpression not, IFormattableDocument doc) {
		doc.append(regionFor(not).keyword("not"), it -> it.oneSpace());
		parentheses(not, doc);
		doc.format(not.getOperand());
	}

	protected void format(Negation negation, IFormattableDocument doc) {
		doc.append(regionFor(negation).keyword("-"), it -> it.noSpace());
		parentheses(negation, doc);
		doc.format(negation.getOperand());
	}

	protected void format(InExpression in, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(in);
		doc.surround(regions.keyword("not"), it -> it.oneSpace());
		doc.surround(regions.keyword("in"), it -> it.oneSpace());
		doc.append(regions.keyword("("), it -> it.noSpace());
		doc.prepend(regions.keyword(")"), it -> it.noSpace());
		commas(regions, doc, it -> it.oneSpace());
		doc.format(in.getValue());
		in.getItems().forEach(doc::format);
	}

	protected void format(NullTest test, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(test);
		doc.prepend(regions.keyword("is"), it -> it.oneSpace());
		doc.prepend(regions.keyword("not"), it -> it.oneSpace());
		doc.prepend(regions.keyword("null"), it -> it.oneSpace());
		doc.format(test.getValue());
	}

	protected void format(NumberLiteral literal, IFormattableDocument doc) {
		doc.prepend(regionFor(literal).keyword("%"), it -> it.noSpace());
		String unit = literal.getUnit();
		if (unit != null) {
			boolean glued = Units.isDurationUnit(unit);
			doc.prepend(regionFor(literal).feature(KPI.getNumberLiteral_Unit()), it -> {
				if (glued) {
					it.noSpace();
				} else {
					it.oneSpace();
				}
			});
		}
		parentheses(literal, doc);
	}

	protected void format(IfExpression conditional, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(conditional);
		doc.append(regions.keyword("if"), it -> it.oneSpace());
		doc.prepend(regions.keyword("then"), KpiFormatter::spaceOrLineBreak);
		doc.append(regions.keyword("then"), it -> it.oneSpace());
		doc.prepend(regions.keyword("else"), KpiFormatter::spaceOrLineBreak);
		doc.append(regions.keyword("else"), it -> it.oneSpace());
		parentheses(conditional, doc);
		doc.format(conditional.getCondition());
		doc.format(conditional.getThen());
		doc.format(conditional.getElse());
	}

	protected void format(FunctionCall call, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(call);
		List<ISemanticRegion> open = regions.keywords("(");
		List<ISemanticRegion> close = regions.keywords(")");
		// The call's own parentheses are the last "(" and first ")" only when the call itself is parenthesised.
		ISemanticRegion callOpen = open.isEmpty() ? null : open.get(open.size() - 1);
		doc.prepend(callOpen, it -> it.noSpace());
		open.forEach(region -> doc.append(region, it -> it.noSpace()));
		close.forEach(region -> doc.prepend(region, it -> it.noSpace()));
		commas(regions, doc, KpiFormatter::spaceOrLineBreak);
		doc.prepend(regions.keyword("where"), KpiFormatter::spaceOrLineBreak);
		doc.append(regions.keyword("where"), it -> it.oneSpace());
		doc.surround(regions.keyword("per"), it -> it.oneSpace());
		call.getArguments().forEach(doc::format);
		doc.format(call.getFilter());
	}

	/** A reference path is a left-deep chain too: formatted in one loop. */
	protected void format(MemberAccess access, IFormattableDocument doc) {
		Expression receiver = access;
		while (receiver instanceof MemberAccess step) {
			doc.surround(regionFor(step).keyword("."), it -> it.noSpace());
			parentheses(step, doc);
			receiver = step.getReceiver();
		}
		doc.format(receiver);
	}

	protected void format(PeriodReference period, IFormattableDocument doc) {
		doc.surround(regionFor(period).keyword("."), it -> it.noSpace());
		parentheses(period, doc);
	}

	protected void format(Expression expression, IFormattableDocument doc) {
		parentheses(expression, doc);
		for (EObject child : expression.eContents()) {
			doc.format(child);
		}
	}

	// ------------------------------------------------------------------ shared shapes

	/** No space before a comma; after it, what {@code after} says. */
	private static void commas(ISemanticRegionsFinder regions, IFormattableDocument doc,
			Procedure1<? super IHiddenRegionFormatter> after) {
		for (ISemanticRegion comma : regions.keywords(",")) {
			doc.prepend(comma, it -> it.noSpace());
			doc.append(comma, after);
		}
	}

	/** One space, or the single line break the author put there: long formulas may be wrapped by hand. */
	private static void spaceOrLineBreak(IHiddenRegionFormatter it) {
		it.oneSpace();
		it.setNewLines(0, 0, 1);
	}

	/** Parentheses around a sub-expression belong to its node: no space inside them. */
	private void parentheses(Expression expression, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(expression);
		regions.keywords("(").forEach(region -> doc.append(region, it -> it.noSpace()));
		regions.keywords(")").forEach(region -> doc.prepend(region, it -> it.noSpace()));
	}

	private void formatLabels(List<Label> labels, IFormattableDocument doc) {
		for (Label label : labels) {
			doc.prepend(label, it -> it.oneSpace());
			doc.surround(regionFor(label).keyword("@"), it -> it.noSpace());
		}
	}

	/** {@code name {}: the brace on the same line, the body indented, the closing brace on its own line. */
	private void block(EObject owner, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(owner);
		ISemanticRegion open = regions.keyword("{");
		ISemanticRegion close = regions.keyword("}");
		doc.prepend(open, it -> it.oneSpace());
		doc.prepend(close, it -> it.newLine());
		if (open != null && close != null) {
			doc.interior(open, close, it -> it.indent());
		}
	}
}
