package io.yardstick.bench;

import io.yardstick.bench.Expr.Agg;
import io.yardstick.bench.Expr.Binary;
import io.yardstick.bench.Expr.EnumLit;
import io.yardstick.bench.Expr.If;
import io.yardstick.bench.Expr.InList;
import io.yardstick.bench.Expr.InPeriod;
import io.yardstick.bench.Expr.IsNull;
import io.yardstick.bench.Expr.MetricRef;
import io.yardstick.bench.Expr.Not;
import io.yardstick.bench.Expr.Num;
import io.yardstick.bench.Expr.PeriodBound;
import io.yardstick.bench.Expr.PeriodFn;
import io.yardstick.bench.Expr.Scalar;
import io.yardstick.bench.Expr.SourceRef;
import io.yardstick.bench.Expr.Str;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A deterministic synthetic template library for the benchmarks: N templates of M metrics each
 * (50 × 100 = 5,000 by default), one template per file in package {@code synthetic.t<i>}, plus one
 * shared file {@code synthetic/common.kpi} whose top-level sources every template imports.
 *
 * <p>Each template has two sources with typed fields, four dimensions, the three standard layers
 * (10% strategic, 30% management, 60% execution metrics; five core metrics per layer, the rest
 * {@code supporting}), formulas of many shapes (count, share, avg, sum, percentile, median,
 * stddev, ratio, countDistinct with {@code where} filters, durations between timestamps, metrics
 * derived from earlier metrics so that the references form a DAG, previous/change/changeRate),
 * targets and thresholds that agree with each metric's direction, and links from execution to
 * management to strategic metrics whose polarity agrees with the directions, so that every metric
 * is linked and every strategic metric is reached. Three loops per template follow declared links.
 * The model validates with no error and no warning (only zero-denominator infos).
 *
 * <p>Everything is drawn from a {@link Random} seeded per template from one fixed seed: the same
 * arguments always give the same text, and a template's text does not depend on how many
 * templates are generated.
 */
public final class SyntheticModel {
	public static final long DEFAULT_SEED = 20_250_601L;
	public static final int DEFAULT_TEMPLATES = 50;
	public static final int DEFAULT_METRICS_PER_TEMPLATE = 100;
	public static final String COMMON_FILE = "synthetic/common.kpi";
	public static final String COMMON_PACKAGE = "synthetic.common";

	// ------------------------------------------------------------------ the model's parts

	public enum FieldType {
		TEXT, ENUM, TIMESTAMP, DATE, COUNT, SCORE, DURATION, CURRENCY, BOOL, REFERENCE
	}

	/** A field; {@code kind} is its .kpi kind text, {@code reference} the source it points to. */
	public record FieldSpec(String name, FieldType type, String kind, List<String> enumValues, String reference,
			boolean key, boolean optional, boolean dimension, boolean timeAxis, String labelZh, String labelEn) {
	}

	public record SourceSpec(String name, String labelZh, String labelEn, List<FieldSpec> fields) {
		public FieldSpec field(String fieldName) {
			for (FieldSpec field : fields) {
				if (field.name().equals(fieldName)) {
					return field;
				}
			}
			throw new IllegalArgumentException("no field " + fieldName + " in " + name);
		}
	}

	/** A template dimension: mappings are field paths such as {@code Ticket.customer.region}. */
	public record DimensionSpec(String name, String labelZh, String labelEn, List<String> mappings) {
	}

	/** The kind family of a metric's value, which decides what other metrics may do with it. */
	public enum Category {
		COUNT, NUMBER, PERCENT, RATIO, SCORE, DURATION, CURRENCY
	}

	/** A target or threshold: {@code >= 90%}, {@code between 10% and 30%}, {@code outside 5% and 40%}. */
	public record Cond(String operator, Expr low, Expr high) {
		static Cond bound(String operator, Expr value) {
			return new Cond(operator, value, null);
		}
	}

	/** A metric. {@code direction} is +1 (higher-is-better), -1 (lower-is-better) or 0 (target-band). */
	public record MetricSpec(String name, String labelZh, String labelEn, String layer, String kind,
			Category category, String unit, int direction, boolean supporting, Expr formula, Cond target,
			Cond warning, Cond critical, List<String> breakdowns, String timeAxis, String goal, String operability,
			String generality, String owner, String description, Set<String> sources, boolean derived) {

		public String directionKeyword() {
			return direction > 0 ? "higher-is-better" : direction < 0 ? "lower-is-better" : "target-band";
		}

		MetricSpec withFormulaAndTarget(Expr newFormula, Cond newTarget) {
			return new MetricSpec(name, labelZh, labelEn, layer, kind, category, unit, direction, supporting, newFormula,
					newTarget, warning, critical, breakdowns, timeAxis, goal, operability, generality, owner, description,
					sources, derived);
		}

		MetricSpec inLayer(String newLayer, boolean isSupporting, String newDescription) {
			return new MetricSpec(name, labelZh, labelEn, newLayer, kind, category, unit, direction, isSupporting, formula,
					target, warning, critical, breakdowns, timeAxis, goal, operability, generality, owner, newDescription,
					sources, derived);
		}
	}

	public record LinkSpec(String from, String to, boolean negative, int lag, String grain, String status,
			boolean feedback, String rationale) {
	}

	public record LoopSpec(String name, String labelZh, String labelEn, List<String> steps) {
	}

	public record TemplateSpec(int index, String packageName, String name, String fileName, String labelZh,
			String labelEn, String timezone, int coreLimit, String description, boolean wildcardImport,
			List<SourceSpec> sources, List<DimensionSpec> dimensions, List<MetricSpec> metrics, List<LinkSpec> links,
			List<LoopSpec> loops) {

		public List<MetricSpec> layer(String layer) {
			return metrics.stream().filter(m -> m.layer().equals(layer)).toList();
		}

		public MetricSpec metric(String metricName) {
			for (MetricSpec metric : metrics) {
				if (metric.name().equals(metricName)) {
					return metric;
				}
			}
			throw new IllegalArgumentException("no metric " + metricName + " in " + name);
		}

		TemplateSpec withMetric(MetricSpec replacement) {
			List<MetricSpec> edited = new ArrayList<>(metrics);
			edited.replaceAll(m -> m.name().equals(replacement.name()) ? replacement : m);
			return new TemplateSpec(index, packageName, name, fileName, labelZh, labelEn, timezone, coreLimit,
					description, wildcardImport, sources, dimensions, List.copyOf(edited), links, loops);
		}
	}

	public static final String STRATEGIC = "strategic";
	public static final String MANAGEMENT = "management";
	public static final String EXECUTION = "execution";
	public static final List<String> LAYERS = List.of(STRATEGIC, MANAGEMENT, EXECUTION);

	// ------------------------------------------------------------------ the generated model

	private final long seed;
	private final int metricsPerTemplate;
	private final List<SourceSpec> commonSources;
	private final List<TemplateSpec> templates;
	private final int variantIndex;
	private final TemplateSpec variantTemplate;

	private SyntheticModel(long seed, int metricsPerTemplate, List<SourceSpec> commonSources,
			List<TemplateSpec> templates) {
		this.seed = seed;
		this.metricsPerTemplate = metricsPerTemplate;
		this.commonSources = commonSources;
		this.templates = templates;
		this.variantIndex = templates.size() / 2;
		this.variantTemplate = makeVariant(templates.get(variantIndex));
	}

	/** The benchmark's model: 50 templates × 100 metrics, the default seed. */
	public static SyntheticModel standard() {
		return generate(DEFAULT_TEMPLATES, DEFAULT_METRICS_PER_TEMPLATE, DEFAULT_SEED);
	}

	public static SyntheticModel generate(int templateCount, int metricsPerTemplate, long seed) {
		if (templateCount < 1 || metricsPerTemplate < 12) {
			throw new IllegalArgumentException("need at least 1 template of at least 12 metrics");
		}
		List<SourceSpec> common = sharedSources();
		List<TemplateSpec> templates = new ArrayList<>();
		int width = Math.max(3, String.valueOf(templateCount - 1).length());
		for (int i = 0; i < templateCount; i++) {
			templates.add(new TemplateGenerator(i, width, metricsPerTemplate, seed).generate());
		}
		return new SyntheticModel(seed, metricsPerTemplate, common, List.copyOf(templates));
	}

	public long seed() {
		return seed;
	}

	public int metricsPerTemplate() {
		return metricsPerTemplate;
	}

	public List<SourceSpec> commonSources() {
		return commonSources;
	}

	public List<TemplateSpec> templates() {
		return templates;
	}

	public int metricCount() {
		return templates.stream().mapToInt(t -> t.metrics().size()).sum();
	}

	/** File name → .kpi text, the shared file first, then the templates in order. */
	public Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(COMMON_FILE, KpiWriter.common(commonSources));
		for (TemplateSpec template : templates) {
			files.put(template.fileName(), KpiWriter.template(template, seed));
		}
		return files;
	}

	/** The template the variant edits: the middle one. */
	public TemplateSpec variantTemplate() {
		return variantTemplate;
	}

	public String variantFile() {
		return variantTemplate.fileName();
	}

	/** The one metric the variant edits: the first management metric of the middle template. */
	public String variantMetric() {
		return templates.get(variantIndex).layer(MANAGEMENT).get(0).name();
	}

	/** The text of {@link #variantFile()} with one metric edited: another filter and another target. */
	public String variantText() {
		return KpiWriter.template(variantTemplate, seed);
	}

	/** The whole model with the variant file in place of the original. */
	public Map<String, String> variantFiles() {
		Map<String, String> files = files();
		files.put(variantFile(), variantText());
		return files;
	}

	/**
	 * The edit a consultant makes: the anchor metric (always a close rate, see the generator) gets
	 * another filter and a target halfway between its old target and its warning threshold.
	 */
	private static TemplateSpec makeVariant(TemplateSpec template) {
		MetricSpec anchor = template.layer(MANAGEMENT).get(0);
		Agg share = (Agg) anchor.formula();
		Expr filter = Expr.cmp("=", Expr.field("Ticket", "priority"), new EnumLit("p2"));
		Agg edited = new Agg(share.function(), share.source(), share.arguments(), filter);
		Num target = (Num) anchor.target().low();
		Num warning = (Num) anchor.warning().low();
		Num halfway = new Num(target.value().add(warning.value()).divide(java.math.BigDecimal.valueOf(2)), target.unit());
		return template.withMetric(anchor.withFormulaAndTarget(edited, Cond.bound(anchor.target().operator(), halfway)));
	}

	// ------------------------------------------------------------------ shared sources

	private static FieldSpec field(String name, FieldType type, String kind, String zh, String en) {
		return new FieldSpec(name, type, kind, List.of(), null, false, false, false, false, zh, en);
	}

	private static FieldSpec key(String name) {
		return new FieldSpec(name, FieldType.TEXT, "text", List.of(), null, true, false, false, false, null, null);
	}

	private static FieldSpec optional(FieldSpec f) {
		return new FieldSpec(f.name(), f.type(), f.kind(), f.enumValues(), f.reference(), f.key(), true, f.dimension(),
				f.timeAxis(), f.labelZh(), f.labelEn());
	}

	private static FieldSpec dimension(FieldSpec f) {
		return new FieldSpec(f.name(), f.type(), f.kind(), f.enumValues(), f.reference(), f.key(), f.optional(), true,
				f.timeAxis(), f.labelZh(), f.labelEn());
	}

	private static FieldSpec timeAxis(FieldSpec f) {
		return new FieldSpec(f.name(), f.type(), f.kind(), f.enumValues(), f.reference(), f.key(), f.optional(),
				f.dimension(), true, f.labelZh(), f.labelEn());
	}

	private static FieldSpec enumField(String name, List<String> values, String zh, String en) {
		return new FieldSpec(name, FieldType.ENUM, "enum(" + String.join(", ", values) + ")", values, null, false, false,
				false, false, zh, en);
	}

	private static FieldSpec reference(String name, String source) {
		return new FieldSpec(name, FieldType.REFERENCE, null, List.of(), source, false, false, false, false, null, null);
	}

	static List<SourceSpec> sharedSources() {
		SourceSpec customer = new SourceSpec("Customer", "客户", "Customer", List.of(
				key("customerId"),
				field("name", FieldType.TEXT, "text", "客户名称", "Name"),
				dimension(field("region", FieldType.TEXT, "text", "区域", "Region")),
				dimension(enumField("segment", List.of("enterprise", "smb", "consumer"), "客户类型", "Customer type")),
				field("signedAt", FieldType.DATE, "date", "签约日期", "Signed on"),
				optional(field("churnedAt", FieldType.DATE, "date", "流失日期", "Churned on"))));
		SourceSpec product = new SourceSpec("Product", "产品", "Product", List.of(
				key("productId"),
				dimension(field("line", FieldType.TEXT, "text", "产品线", "Product line")),
				dimension(enumField("category", List.of("hardware", "software", "service"), "品类", "Category")),
				field("listPrice", FieldType.CURRENCY, "currency(CNY)", "标价", "List price")));
		return List.of(customer, product);
	}

	static List<SourceSpec> templateSources() {
		SourceSpec ticket = new SourceSpec("Ticket", "工单", "Service ticket", List.of(
				key("ticketId"),
				reference("customer", "Customer"),
				reference("product", "Product"),
				dimension(field("region", FieldType.TEXT, "text", "区域", "Region")),
				dimension(enumField("channel", List.of("phone", "email", "chat", "onsite"), "渠道", "Channel")),
				timeAxis(field("createdAt", FieldType.TIMESTAMP, "timestamp", "创建时间", "Created at")),
				optional(field("firstResponseAt", FieldType.TIMESTAMP, "timestamp", "首次响应时间", "First response at")),
				optional(field("resolvedAt", FieldType.TIMESTAMP, "timestamp", "解决时间", "Resolved at")),
				enumField("status", List.of("open", "resolved", "closed"), "状态", "Status"),
				enumField("priority", List.of("p1", "p2", "p3", "p4"), "优先级", "Priority"),
				field("contacts", FieldType.COUNT, "count", "联系次数", "Contacts"),
				field("followUps", FieldType.COUNT, "count", "回访次数", "Follow-ups"),
				field("reopened", FieldType.BOOL, "bool", "是否重开", "Reopened"),
				field("isComplaint", FieldType.BOOL, "bool", "是否投诉", "Complaint"),
				optional(field("csat", FieldType.SCORE, "score(1..5)", "满意度评分", "Satisfaction score")),
				optional(field("nps", FieldType.SCORE, "score(0..10)", "推荐意愿", "Likelihood to recommend")),
				optional(field("effort", FieldType.SCORE, "score(1..7)", "客户费力度", "Customer effort")),
				field("handlingTime", FieldType.DURATION, "duration(min)", "处理时长", "Handling time"),
				field("cost", FieldType.CURRENCY, "currency(CNY)", "服务成本", "Service cost"),
				optional(field("refund", FieldType.CURRENCY, "currency(CNY)", "退款金额", "Refund"))));
		SourceSpec order = new SourceSpec("Order", "销售订单", "Sales order", List.of(
				key("orderId"),
				reference("customer", "Customer"),
				reference("product", "Product"),
				dimension(field("region", FieldType.TEXT, "text", "区域", "Region")),
				timeAxis(field("soldAt", FieldType.TIMESTAMP, "timestamp", "销售时间", "Sold at")),
				optional(field("deliveredAt", FieldType.TIMESTAMP, "timestamp", "交付时间", "Delivered at")),
				enumField("fulfilment", List.of("pending", "shipped", "delivered", "returned"), "履约状态", "Fulfilment"),
				field("amount", FieldType.CURRENCY, "currency(CNY)", "订单金额", "Order amount"),
				field("quantity", FieldType.COUNT, "count", "数量", "Quantity")));
		return List.of(ticket, order);
	}

	static List<DimensionSpec> templateDimensions() {
		return List.of(
				new DimensionSpec("region", "区域", "Region", List.of("Ticket.region", "Order.region", "Customer.region")),
				new DimensionSpec("segment", "客户类型", "Customer type",
						List.of("Ticket.customer.segment", "Order.customer.segment", "Customer.segment")),
				new DimensionSpec("productLine", "产品线", "Product line", List.of("Ticket.product.line", "Order.product.line")),
				new DimensionSpec("channel", "渠道", "Channel", List.of("Ticket.channel")));
	}

	/** Which sources each template dimension maps. */
	private static final Map<String, Set<String>> DIMENSION_SOURCES = Map.of(
			"region", Set.of("Ticket", "Order", "Customer"),
			"segment", Set.of("Ticket", "Order", "Customer"),
			"productLine", Set.of("Ticket", "Order"),
			"channel", Set.of("Ticket"));

	// ------------------------------------------------------------------ one template

	/** A filter with the words that name it in metric names and labels. */
	private record Filter(Expr condition, String tag, String zh) {
	}

	private static final String[] OWNERS = { "客服总监", "客服经理", "技术支持经理", "一线主管", "财务总监", "客户成功总监", "投诉处理组" };
	private static final String[] GOALS = { "客户体验提升", "快速响应", "一次把问题解决", "控制服务成本", "留住客户", "提升收入" };
	private static final String[] OPERABILITY = { "high", "medium", "low" };
	private static final String[] GENERALITY = { "universal", "industry", "client" };
	private static final String[] ZONES = { "Asia/Shanghai", "Europe/Berlin", "America/New_York", "Asia/Singapore" };

	private static final class TemplateGenerator {
		private final int index;
		private final int metricCount;
		private final Random random;
		private final String packageName;
		private final String name;
		private final String fileName;
		private final List<MetricSpec> metrics = new ArrayList<>();

		TemplateGenerator(int index, int width, int metricCount, long seed) {
			this.index = index;
			this.metricCount = metricCount;
			this.random = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
			String number = String.format("%0" + width + "d", index);
			this.packageName = "synthetic.t" + number;
			this.name = "Template" + number;
			this.fileName = "synthetic/t" + number + ".kpi";
		}

		TemplateSpec generate() {
			int strategic = Math.max(1, Math.round(metricCount * 0.1f));
			int management = Math.max(1, Math.round(metricCount * 0.3f));
			int execution = metricCount - strategic - management;
			for (int k = 0; k < metricCount; k++) {
				String layer = k < execution ? EXECUTION : k < execution + management ? MANAGEMENT : STRATEGIC;
				MetricSpec metric = k == execution ? closeRate(k, ticketFilter(), layer) : nextMetric(k, layer);
				metrics.add(metric);
			}
			// Five core metrics per layer; the rest support them. Strategic metrics carry a description.
			Map<String, Integer> seen = new LinkedHashMap<>();
			metrics.replaceAll(m -> {
				int position = seen.merge(m.layer(), 1, Integer::sum);
				String description = m.layer().equals(STRATEGIC) || random.nextInt(4) == 0
						? m.labelZh() + "：合成模板 " + index + " 的" + layerZh(m.layer()) + "指标。"
						: null;
				return m.inLayer(m.layer(), position > 5, description);
			});
			List<MetricSpec> ordered = new ArrayList<>();
			for (String layer : LAYERS) {
				metrics.stream().filter(m -> m.layer().equals(layer)).forEach(ordered::add);
			}
			List<LinkSpec> links = links();
			List<LoopSpec> loops = loops(links);
			return new TemplateSpec(index, packageName, name, fileName, "合成模板 " + index, "Synthetic template " + index,
					ZONES[index % ZONES.length], 5, "合成的售后服务指标体系，用于基准测试。", index % 2 == 0, templateSources(),
					templateDimensions(), List.copyOf(ordered), links, loops);
		}

		private static String layerZh(String layer) {
			return switch (layer) {
				case STRATEGIC -> "战略层";
				case MANAGEMENT -> "管理层";
				default -> "执行层";
			};
		}

		// -------------------------------------------------------------- links and loops

		/**
		 * Every execution metric drives a management metric, every management metric a strategic
		 * one, so each metric is linked and each strategic metric is reached from the bottom; a
		 * third of the execution metrics and a fifth of the management ones drive a second metric
		 * (some with a lag, some rejected), and one feedback link runs from the top to the bottom.
		 */
		private List<LinkSpec> links() {
			List<MetricSpec> strategic = layerOf(STRATEGIC);
			List<MetricSpec> management = layerOf(MANAGEMENT);
			List<MetricSpec> execution = layerOf(EXECUTION);
			List<LinkSpec> links = new ArrayList<>();
			Set<String> declared = new LinkedHashSet<>();
			for (int i = 0; i < execution.size(); i++) {
				link(links, declared, execution.get(i), management.get(i % management.size()), 0, "hypothesized", false);
				if (i % 3 == 2) {
					MetricSpec second = management.get((i * 7 + 3) % management.size());
					link(links, declared, execution.get(i), second, 1, i % 2 == 0 ? "validated" : "hypothesized", false);
				}
			}
			for (int j = 0; j < management.size(); j++) {
				link(links, declared, management.get(j), strategic.get(j % strategic.size()), 0,
						j % 4 == 0 ? "validated" : "hypothesized", false);
				if (j % 5 == 4) {
					MetricSpec second = strategic.get((j * 3 + 1) % strategic.size());
					link(links, declared, management.get(j), second, 2, j % 10 == 9 ? "rejected" : "hypothesized", false);
				}
			}
			link(links, declared, strategic.get(0), execution.get(0), 1, "hypothesized", true);
			return List.copyOf(links);
		}

		private void link(List<LinkSpec> links, Set<String> declared, MetricSpec from, MetricSpec to, int lag,
				String status, boolean feedback) {
			if (from == to || !declared.add(from.name() + "->" + to.name())) {
				return;
			}
			// The sign that makes improving the cause improve the effect; either sign for a band.
			boolean negative = from.direction() * to.direction() < 0;
			String verb = negative ? "improves, so does" : "rises, so does";
			links.add(new LinkSpec(from.name(), to.name(), negative, lag, lag > 0 ? (lag == 1 ? "month" : "quarter") : null,
					status, feedback, from.labelZh() + " → " + to.labelZh() + "（" + from.name() + " " + verb + " "
							+ to.name() + "）"));
		}

		/** Three chains execution → management → strategic along primary links, avoiding band metrics. */
		private List<LoopSpec> loops(List<LinkSpec> links) {
			Map<String, MetricSpec> byName = new LinkedHashMap<>();
			metrics.forEach(m -> byName.put(m.name(), m));
			List<LoopSpec> loops = new ArrayList<>();
			for (LinkSpec first : links) {
				if (loops.size() == 3) {
					break;
				}
				MetricSpec from = byName.get(first.from());
				MetricSpec middle = byName.get(first.to());
				if (first.feedback() || !from.layer().equals(EXECUTION) || !middle.layer().equals(MANAGEMENT)
						|| from.direction() == 0 || middle.direction() == 0 || first.status().equals("rejected")) {
					continue;
				}
				for (LinkSpec second : links) {
					MetricSpec last = byName.get(second.to());
					if (second.from().equals(middle.name()) && last.layer().equals(STRATEGIC) && last.direction() != 0
							&& !second.status().equals("rejected")) {
						int n = loops.size();
						loops.add(new LoopSpec("chain" + n, from.labelZh() + "→" + middle.labelZh() + "→" + last.labelZh(),
								"Chain " + n + " of template " + index, List.of(from.name(), middle.name(), last.name())));
						break;
					}
				}
			}
			return List.copyOf(loops);
		}

		private List<MetricSpec> layerOf(String layer) {
			return metrics.stream().filter(m -> m.layer().equals(layer)).toList();
		}

		// -------------------------------------------------------------- metric shapes

		private MetricSpec nextMetric(int k, String layer) {
			if (k >= 8 && random.nextInt(4) == 0) {
				MetricSpec derived = derivedMetric(k, layer);
				if (derived != null) {
					return derived;
				}
			}
			return baseMetric(k, layer);
		}

		private MetricSpec baseMetric(int k, String layer) {
			int[] shapes = switch (layer) {
				case STRATEGIC -> new int[] { 10, 22, 23, 18, 21, 3, 24, 19 };
				case MANAGEMENT -> new int[] { 1, 3, 4, 5, 8, 11, 14, 25, 19, 20, 16, 12, 10 };
				default -> new int[] { 1, 2, 4, 6, 7, 9, 12, 13, 15, 17, 27, 28, 19, 20, 5, 8, 11, 14, 25 };
			};
			int shape = shapes[random.nextInt(shapes.length)];
			Filter f = ticketFilter();
			Filter o = orderFilter();
			return switch (shape) {
				case 1 -> closeRate(k, f, layer);
				case 2 -> metric(k, layer, "reopenRate", f, "重开率", "Reopen rate", "percent", Category.PERCENT, null, -1,
						new Agg("share", "Ticket", List.of(Expr.field("Ticket", "reopened")),
								Expr.and(eq("Ticket", "status", "closed"), f.condition())),
						bound("<=", "5", "%"), bound(">", "8", "%"), bound(">", "12", "%"), Set.of("Ticket"));
				case 3 -> metric(k, layer, "csat", f, "客户满意度", "Customer satisfaction", "score(1..5)", Category.SCORE,
						null, 1, new Agg("avg", "Ticket", List.of(Expr.field("Ticket", "csat")), f.condition()),
						bound(">=", "4.2", null), bound("<", "4.0", null), bound("<", "3.6", null), Set.of("Ticket"));
				case 4 -> withTimeAxis(metric(k, layer, "resolutionTime", f, "解决时长", "Resolution time", "duration(h)",
						Category.DURATION, "h", -1,
						new Agg("avg", "Ticket", List.of(duration("Ticket", "resolvedAt", "createdAt")), f.condition()),
						bound("<=", "24", "h"), bound(">", "36", "h"), bound(">", "48", "h"), Set.of("Ticket")));
				case 5 -> metric(k, layer, "firstResponseP90", f, "首次响应时长P90", "First response P90", "duration(h)",
						Category.DURATION, "h", -1,
						new Agg("percentile", "Ticket",
								List.of(Num.of("90", "%"), duration("Ticket", "firstResponseAt", "createdAt")), f.condition()),
						bound("<=", "4", "h"), bound(">", "6", "h"), bound(">", "8", "h"), Set.of("Ticket"));
				case 6 -> {
					Filter g = f.tag().equals("UrgentComplaint") ? new Filter(null, "", "") : f;
					yield metric(k, layer, "complaints", g, "投诉量", "Complaints", "count", Category.COUNT, null, -1,
							new Agg("count", "Ticket", List.of(new SourceRef("Ticket")),
									Expr.and(Expr.field("Ticket", "isComplaint"), g.condition())),
							bound("<=", "50", null), bound(">", "80", null), bound(">", "120", null), Set.of("Ticket"));
				}
				case 7 -> metric(k, layer, "serviceCost", f, "服务成本", "Service cost", "currency(CNY)", Category.CURRENCY,
						"CNY", -1, new Agg("sum", "Ticket", List.of(Expr.field("Ticket", "cost")), f.condition()),
						bound("<=", "200000", "CNY"), bound(">", "250000", "CNY"), bound(">", "300000", "CNY"),
						Set.of("Ticket"));
				case 8 -> metric(k, layer, "firstContactResolution", f, "一次解决率", "First-contact resolution", "percent",
						Category.PERCENT, null, 1,
						new Agg("share", "Ticket", List.of(Expr.cmp("=", Expr.field("Ticket", "contacts"), Num.of("1"))),
								Expr.and(new IsNull(Expr.field("Ticket", "resolvedAt"), true), f.condition())),
						bound(">=", "75", "%"), bound("<", "70", "%"), bound("<", "60", "%"), Set.of("Ticket"));
				case 9 -> metric(k, layer, "followUps", f, "回访次数", "Follow-ups per ticket", "number", Category.NUMBER,
						null, -1, new Agg("avg", "Ticket", List.of(Expr.field("Ticket", "followUps")), f.condition()),
						bound("<=", "1.5", null), bound(">", "2", null), bound(">", "3", null), Set.of("Ticket"));
				case 10 -> {
					Expr base = Expr.and(new IsNull(Expr.field("Ticket", "nps"), true), f.condition());
					Expr promoters = new Agg("share", "Ticket",
							List.of(Expr.cmp(">=", Expr.field("Ticket", "nps"), Num.of("9"))), base);
					Expr detractors = new Agg("share", "Ticket",
							List.of(Expr.cmp("<=", Expr.field("Ticket", "nps"), Num.of("6"))), base);
					yield metric(k, layer, "nps", f, "净推荐值", "Net promoter score", "score(-100..100)", Category.SCORE,
							null, 1, new Binary("*", Num.of("100"), new Binary("-", promoters, detractors)),
							bound(">=", "30", null), bound("<", "20", null), bound("<", "10", null), Set.of("Ticket"));
				}
				case 11 -> {
					Expr closed = Expr.and(eq("Ticket", "status", "closed"), f.condition());
					Expr numerator = new Agg("count", "Ticket", List.of(new SourceRef("Ticket")),
							Expr.and(Expr.field("Ticket", "reopened"), closed));
					Expr denominator = new Agg("count", "Ticket", List.of(new SourceRef("Ticket")), closed);
					yield metric(k, layer, "reopenedShare", f, "关闭后重开占比", "Reopened after close", "percent",
							Category.PERCENT, null, -1, new Binary("/", numerator, denominator), bound("<=", "4", "%"),
							bound(">", "6", "%"), bound(">", "10", "%"), Set.of("Ticket"));
				}
				case 12 -> metric(k, layer, "handlingMedian", f, "处理时长中位数", "Median handling time", "duration(min)",
						Category.DURATION, "min", -1,
						new Agg("median", "Ticket", List.of(Expr.field("Ticket", "handlingTime")), f.condition()),
						bound("<=", "30", "min"), bound(">", "45", "min"), bound(">", "60", "min"), Set.of("Ticket"));
				case 13 -> metric(k, layer, "handlingSpread", f, "处理时长离散度", "Handling time spread", "duration(min)",
						Category.DURATION, "min", -1,
						new Agg("stddev", "Ticket", List.of(Expr.field("Ticket", "handlingTime")), f.condition()),
						bound("<=", "20", "min"), bound(">", "30", "min"), bound(">", "45", "min"), Set.of("Ticket"));
				case 14 -> metric(k, layer, "refundRate", f, "退款率", "Refund rate", "percent", Category.PERCENT, null, -1,
						new Agg("ratio", "Ticket", List.of(Expr.field("Ticket", "refund"), Expr.field("Ticket", "cost")),
								f.condition()),
						bound("<=", "10", "%"), bound(">", "15", "%"), bound(">", "20", "%"), Set.of("Ticket"));
				case 15 -> metric(k, layer, "complainingCustomers", new Filter(null, "", ""), "投诉客户数",
						"Complaining customers", "count", Category.COUNT, null, -1,
						new Agg("countDistinct", "Ticket", List.of(Expr.field("Ticket", "customer", "customerId")),
								Expr.field("Ticket", "isComplaint")),
						bound("<=", "40", null), bound(">", "60", null), bound(">", "90", null), Set.of("Ticket"));
				case 16 -> metric(k, layer, "customerEffort", f, "客户费力度", "Customer effort", "score(1..7)",
						Category.SCORE, null, -1,
						new Agg("avg", "Ticket", List.of(Expr.field("Ticket", "effort")), f.condition()),
						bound("<=", "3", null), bound(">", "3.5", null), bound(">", "4.5", null), Set.of("Ticket"));
				case 17 -> withTimeAxis(metric(k, layer, "resolutionHours", f, "解决小时数", "Resolution hours", "number",
						Category.NUMBER, null, -1,
						new Agg("avg", "Ticket",
								List.of(new Scalar("hours", duration("Ticket", "resolvedAt", "createdAt"))), f.condition()),
						bound("<=", "24", null), bound(">", "36", null), bound(">", "48", null), Set.of("Ticket")));
				case 18 -> metric(k, layer, "revenue", o, "销售收入", "Revenue", "currency(CNY)", Category.CURRENCY, "CNY",
						1, new Agg("sum", "Order", List.of(Expr.field("Order", "amount")), o.condition()),
						bound(">=", "1000000", "CNY"), bound("<", "900000", "CNY"), bound("<", "800000", "CNY"),
						Set.of("Order"));
				case 19 -> metric(k, layer, "returnRate", o, "退货率", "Return rate", "percent", Category.PERCENT, null, -1,
						new Agg("share", "Order", List.of(eq("Order", "fulfilment", "returned")), o.condition()),
						bound("<=", "3", "%"), bound(">", "5", "%"), bound(">", "8", "%"), Set.of("Order"));
				case 20 -> metric(k, layer, "deliveryTime", o, "交付时长", "Delivery time", "duration(d)",
						Category.DURATION, "d", -1,
						new Agg("avg", "Order", List.of(duration("Order", "deliveredAt", "soldAt")), o.condition()),
						bound("<=", "3", "d"), bound(">", "5", "d"), bound(">", "7", "d"), Set.of("Order"));
				case 21 -> metric(k, layer, "averageOrderValue", o, "客单价", "Average order value", "currency(CNY)",
						Category.CURRENCY, "CNY", 1,
						new Binary("/", new Agg("sum", "Order", List.of(Expr.field("Order", "amount")), o.condition()),
								new Agg("count", "Order", List.of(new SourceRef("Order")), o.condition())),
						bound(">=", "500", "CNY"), bound("<", "450", "CNY"), bound("<", "400", "CNY"), Set.of("Order"));
				case 22 -> metric(k, layer, "afterSalesCostRate", new Filter(null, "", ""), "售后成本率",
						"After-sales cost rate", "percent", Category.PERCENT, null, -1,
						new Binary("/", new Agg("sum", "Ticket", List.of(Expr.field("Ticket", "cost")), null),
								new Agg("sum", "Order", List.of(Expr.field("Order", "amount")), null)),
						bound("<=", "3", "%"), bound(">", "4", "%"), bound(">", "5", "%"), Set.of("Ticket", "Order"));
				case 23 -> {
					Expr start = new PeriodBound("start");
					Expr filter = Expr.and(Expr.cmp("<", Expr.field("Customer", "signedAt"), start),
							new Binary("or", new IsNull(Expr.field("Customer", "churnedAt"), false),
									Expr.cmp(">=", Expr.field("Customer", "churnedAt"), start)));
					boolean east = random.nextBoolean();
					if (east) {
						filter = Expr.and(filter, Expr.cmp("=", Expr.field("Customer", "region"), new Str("east")));
					}
					yield metric(k, layer, "churnRate", east ? new Filter(null, "East", "华东") : new Filter(null, "", ""),
							"客户流失率", "Churn rate", "percent", Category.PERCENT, null, -1,
							new Agg("share", "Customer", List.of(new InPeriod(Expr.field("Customer", "churnedAt"))), filter),
							bound("<=", "5", "%"), bound(">", "6", "%"), bound(">", "8", "%"), Set.of("Customer"));
				}
				case 24 -> metric(k, layer, "newCustomers", new Filter(null, "", ""), "新签客户数", "New customers", "count",
						Category.COUNT, null, 1,
						new Agg("count", "Customer", List.of(new SourceRef("Customer")),
								new InPeriod(Expr.field("Customer", "signedAt"))),
						bound(">=", "100", null), bound("<", "80", null), bound("<", "60", null), Set.of("Customer"));
				case 25 -> metric(k, layer, "backlogRate", f, "工单积压率", "Backlog rate", "percent", Category.PERCENT, null,
						-1,
						new Agg("share", "Ticket",
								List.of(new Binary("or", new IsNull(Expr.field("Ticket", "resolvedAt"), false),
										Expr.cmp(">", Expr.field("Ticket", "resolvedAt"), new PeriodBound("end")))),
								f.condition()),
						bound("<=", "10", "%"), bound(">", "15", "%"), bound(">", "25", "%"), Set.of("Ticket"));
				case 27 -> metric(k, layer, "weekendShare", new Filter(null, "", ""), "周末工单占比", "Weekend ticket share",
						"percent", Category.PERCENT, null, 0,
						new Agg("share", "Ticket",
								List.of(Expr.cmp(">=", new Scalar("weekday", Expr.field("Ticket", "createdAt")), Num.of("6"))),
								null),
						new Cond("between", Num.of("10", "%"), Num.of("30", "%")),
						new Cond("outside", Num.of("5", "%"), Num.of("40", "%")),
						new Cond("outside", Num.of("2", "%"), Num.of("50", "%")), Set.of("Ticket"));
				case 28 -> metric(k, layer, "unitsSold", o, "销量", "Units sold", "count", Category.COUNT, null, 1,
						new Agg("sum", "Order", List.of(Expr.field("Order", "quantity")), o.condition()),
						bound(">=", "2000", null), bound("<", "1800", null), bound("<", "1500", null), Set.of("Order"));
				default -> throw new IllegalStateException("shape " + shape);
			};
		}

		private MetricSpec closeRate(int k, Filter f, String layer) {
			return metric(k, layer, "closeRate", f, "工单关闭率", "Ticket close rate", "percent", Category.PERCENT, null, 1,
					new Agg("share", "Ticket", List.of(eq("Ticket", "status", "closed")), f.condition()),
					bound(">=", "90", "%"), bound("<", "85", "%"), bound("<", "75", "%"), Set.of("Ticket"));
		}

		/** Half the duration metrics of tickets are read by the day they were resolved. */
		private MetricSpec withTimeAxis(MetricSpec metric) {
			if (!random.nextBoolean()) {
				return metric;
			}
			return new MetricSpec(metric.name(), metric.labelZh(), metric.labelEn(), metric.layer(), metric.kind(),
					metric.category(), metric.unit(), metric.direction(), metric.supporting(), metric.formula(),
					metric.target(), metric.warning(), metric.critical(), metric.breakdowns(), "Ticket.resolvedAt",
					metric.goal(), metric.operability(), metric.generality(), metric.owner(), metric.description(),
					metric.sources(), metric.derived());
		}

		/** Metrics computed from earlier metrics only, so the references form a DAG. */
		private MetricSpec derivedMetric(int k, String layer) {
			switch (random.nextInt(7)) {
				case 0: { // composite index of two percents
					List<MetricSpec> percents = earlier(m -> m.category() == Category.PERCENT && m.direction() != 0);
					if (percents.size() < 2) {
						return null;
					}
					MetricSpec a = pick(percents);
					MetricSpec b = pick(percents);
					if (a == b) {
						return null;
					}
					Expr formula = new Binary("+", new Binary("*", Num.of("0.6"), goodSide(a)),
							new Binary("*", Num.of("0.4"), goodSide(b)));
					return derived(k, layer, "serviceIndex", "服务综合指数", "Service index", "percent", Category.PERCENT, null,
							1, formula, bound(">=", "70", "%"), bound("<", "60", "%"), bound("<", "50", "%"), a, b);
				}
				case 1: { // amount per counted thing
					List<MetricSpec> amounts = earlier(m -> m.category() == Category.CURRENCY && m.direction() != 0);
					List<MetricSpec> counts = earlier(m -> m.category() == Category.COUNT);
					if (amounts.isEmpty() || counts.isEmpty()) {
						return null;
					}
					MetricSpec c = pick(amounts);
					MetricSpec n = pick(counts);
					boolean lower = c.direction() < 0;
					return derived(k, layer, "amountPerUnit", "单位金额", "Amount per unit", "currency(CNY)",
							Category.CURRENCY, "CNY", c.direction(), new Binary("/", ref(c), ref(n)),
							bound(lower ? "<=" : ">=", "500", "CNY"), bound(lower ? ">" : "<", lower ? "600" : "400", "CNY"),
							bound(lower ? ">" : "<", lower ? "800" : "300", "CNY"), c, n);
				}
				case 2: { // growth
					List<MetricSpec> candidates = earlier(m -> m.direction() != 0);
					if (candidates.isEmpty()) {
						return null;
					}
					MetricSpec x = pick(candidates);
					boolean lower = x.direction() < 0;
					return derived(k, layer, "growth", "环比变化率", "Period-over-period change", "ratio", Category.RATIO,
							null, x.direction(), new PeriodFn("changeRate", x.name(), 0),
							bound(lower ? "<=" : ">=", "0", "%"), bound(lower ? ">" : "<", lower ? "5" : "-5", "%"),
							bound(lower ? ">" : "<", lower ? "10" : "-10", "%"), x);
				}
				case 3: { // year-over-year difference
					List<MetricSpec> candidates = earlier(m -> m.direction() != 0
							&& !(m.category() == Category.DURATION && m.direction() > 0));
					if (candidates.isEmpty()) {
						return null;
					}
					MetricSpec x = pick(candidates);
					return yearOverYear(k, layer, x);
				}
				case 4: { // guarded ratio of two counts
					List<MetricSpec> counts = earlier(m -> m.category() == Category.COUNT);
					if (counts.size() < 2) {
						return null;
					}
					MetricSpec a = pick(counts);
					MetricSpec b = pick(counts);
					if (a == b) {
						return null;
					}
					Expr formula = new If(Expr.cmp(">", ref(b), Num.of("0")), new Binary("/", ref(a), ref(b)), Num.of("0"));
					return derived(k, layer, "countRatio", "数量比", "Count ratio", "ratio", Category.RATIO, null, -1, formula,
							bound("<=", "0.5", null), bound(">", "0.8", null), bound(">", "1", null), a, b);
				}
				case 5: { // total of two counts pointing the same way
					List<MetricSpec> counts = earlier(m -> m.category() == Category.COUNT && m.direction() != 0
							&& !m.derived());
					if (counts.size() < 2) {
						return null;
					}
					MetricSpec a = pick(counts);
					MetricSpec b = pick(counts);
					if (a == b || a.direction() != b.direction()) {
						return null;
					}
					boolean lower = a.direction() < 0;
					return derived(k, layer, "total", "合计", "Total", "count", Category.COUNT, null, a.direction(),
							new Binary("+", ref(a), ref(b)), bound(lower ? "<=" : ">=", "100", null),
							bound(lower ? ">" : "<", lower ? "150" : "80", null),
							bound(lower ? ">" : "<", lower ? "200" : "60", null), a, b);
				}
				default: { // three-period moving average, same kind and thresholds as its input
					List<MetricSpec> candidates = earlier(m -> !m.derived());
					if (candidates.isEmpty()) {
						return null;
					}
					MetricSpec x = pick(candidates);
					Expr sum = new Binary("+", new Binary("+", ref(x), new PeriodFn("previous", x.name(), 0)),
							new PeriodFn("previous", x.name(), 2));
					return derived(k, layer, "movingAverage", x.labelZh() + "三期均值", "3-period average of " + x.labelEn(),
							x.kind(), x.category(), x.unit(), x.direction(), new Binary("/", sum, Num.of("3")), x.target(),
							x.warning(), x.critical(), x);
				}
			}
		}

		private MetricSpec yearOverYear(int k, String layer, MetricSpec x) {
			String kind;
			String unit = null;
			String[] steps;
			switch (x.category()) {
				case PERCENT, RATIO -> {
					kind = "ratio";
					unit = "%";
					steps = new String[] { "0", "2", "5" };
				}
				case COUNT -> {
					kind = "number";
					steps = new String[] { "0", "10", "20" };
				}
				case DURATION -> {
					kind = x.kind();
					unit = x.unit();
					steps = new String[] { "0", "1", "2" };
				}
				case CURRENCY -> {
					kind = x.kind();
					unit = "CNY";
					steps = new String[] { "0", "10000", "20000" };
				}
				default -> {
					kind = "number";
					steps = new String[] { "0", "0.2", "0.5" };
				}
			}
			Category category = switch (kind) {
				case "ratio" -> Category.RATIO;
				case "number" -> Category.NUMBER;
				default -> x.category();
			};
			boolean lower = x.direction() < 0;
			Expr formula = new Binary("-", ref(x), new PeriodFn("previous", x.name(), 12));
			return derived(k, layer, "yearOverYear", x.labelZh() + "同比变化", "Year-over-year change of " + x.labelEn(),
					kind, category, x.kind().startsWith("duration") || kind.startsWith("currency") ? x.unit() : null,
					x.direction(), formula, bound(lower ? "<=" : ">=", steps[0], unit),
					lower ? bound(">", steps[1], unit) : new Cond("<", negative(steps[1], unit), null),
					lower ? bound(">", steps[2], unit) : new Cond("<", negative(steps[2], unit), null), x);
		}

		private static Expr negative(String value, String unit) {
			return new Expr.Neg(Num.of(value, unit));
		}

		/** The metric as a term that rises when it improves: itself, or 1 minus it. */
		private static Expr goodSide(MetricSpec percent) {
			return percent.direction() > 0 ? ref(percent) : new Binary("-", Num.of("1"), ref(percent));
		}

		private static Expr ref(MetricSpec metric) {
			return new MetricRef(metric.name());
		}

		private List<MetricSpec> earlier(Predicate<MetricSpec> filter) {
			return metrics.stream().filter(filter).toList();
		}

		private MetricSpec pick(List<MetricSpec> candidates) {
			return candidates.get(random.nextInt(candidates.size()));
		}

		private MetricSpec derived(int k, String layer, String base, String zh, String en, String kind,
				Category category, String unit, int direction, Expr formula, Cond target, Cond warning, Cond critical,
				MetricSpec... inputs) {
			Set<String> sources = new LinkedHashSet<>();
			for (MetricSpec input : inputs) {
				sources.addAll(input.sources());
			}
			MetricSpec metric = metric(k, layer, base, new Filter(null, "", ""), zh, en, kind, category, unit, direction,
					formula, target, warning, critical, sources);
			return new MetricSpec(metric.name(), metric.labelZh(), metric.labelEn(), layer, kind, category, unit,
					direction, false, formula, target, warning, critical, metric.breakdowns(), null, metric.goal(),
					metric.operability(), metric.generality(), metric.owner(), null, sources, true);
		}

		private MetricSpec metric(int k, String layer, String base, Filter filter, String zh, String en, String kind,
				Category category, String unit, int direction, Expr formula, Cond target, Cond warning, Cond critical,
				Set<String> sources) {
			String name = base + filter.tag() + k;
			String labelZh = filter.zh().isEmpty() ? zh : zh + "（" + filter.zh() + "）";
			String labelEn = filter.tag().isEmpty() ? en : en + " (" + filter.tag() + ")";
			return new MetricSpec(name, labelZh, labelEn, layer, kind, category, unit, direction, false, formula, target,
					warning, critical, breakdowns(sources), null, random.nextInt(3) == 0 ? pick(GOALS) : null,
					random.nextInt(3) == 0 ? pick(OPERABILITY) : null, random.nextInt(5) == 0 ? pick(GENERALITY) : null,
					random.nextInt(2) == 0 ? pick(OWNERS) : null, null, Set.copyOf(sources), false);
		}

		private <T> T pick(T[] values) {
			return values[random.nextInt(values.length)];
		}

		/** Up to two dimensions that every source the metric reads can provide. */
		private List<String> breakdowns(Set<String> sources) {
			List<String> available = new ArrayList<>();
			for (String dimension : List.of("region", "segment", "productLine", "channel")) {
				if (DIMENSION_SOURCES.get(dimension).containsAll(sources)) {
					available.add(dimension);
				}
			}
			Collections.shuffle(available, random);
			List<String> chosen = new ArrayList<>(available.subList(0, Math.min(available.size(), random.nextInt(3))));
			chosen.sort(java.util.Comparator.comparingInt(List.of("region", "segment", "productLine", "channel")::indexOf));
			return List.copyOf(chosen);
		}

		private Filter ticketFilter() {
			return switch (random.nextInt(12)) {
				case 0 -> new Filter(eq("Ticket", "priority", "p1"), "P1", "P1");
				case 1 -> new Filter(eq("Ticket", "channel", "phone"), "Phone", "电话");
				case 2 -> new Filter(new InList(Expr.field("Ticket", "channel"),
						List.of(new EnumLit("chat"), new EnumLit("email"))), "Online", "在线");
				case 3 -> new Filter(Expr.cmp("=", Expr.field("Ticket", "customer", "region"), new Str("east")), "East",
						"华东");
				case 4 -> new Filter(Expr.cmp(">=", new Scalar("weekday", Expr.field("Ticket", "createdAt")), Num.of("6")),
						"Weekend", "周末");
				case 5 -> new Filter(new Not(Expr.field("Ticket", "reopened")), "FirstTime", "首次");
				case 6 -> new Filter(Expr.cmp(">", Expr.field("Ticket", "contacts"), Num.of("1")), "Repeat", "多次联系");
				case 7 -> new Filter(new Binary("and", eq("Ticket", "priority", "p1"), Expr.field("Ticket", "isComplaint")),
						"UrgentComplaint", "紧急投诉");
				case 8 -> new Filter(new Binary("or",
						Expr.cmp("<", new Scalar("hour", Expr.field("Ticket", "createdAt")), Num.of("8")),
						Expr.cmp(">=", new Scalar("hour", Expr.field("Ticket", "createdAt")), Num.of("20"))), "Night", "夜间");
				case 9 -> new Filter(Expr.cmp("=", Expr.field("Ticket", "product", "line"), new Str("pro")), "Pro",
						"专业版");
				default -> new Filter(null, "", "");
			};
		}

		private Filter orderFilter() {
			return switch (random.nextInt(7)) {
				case 0 -> new Filter(Expr.cmp("=", Expr.field("Order", "region"), new Str("north")), "North", "华北");
				case 1 -> new Filter(Expr.cmp("=", Expr.field("Order", "customer", "region"), new Str("west")), "West",
						"西部客户");
				case 2 -> new Filter(Expr.cmp(">", Expr.field("Order", "quantity"), Num.of("1")), "Bulk", "多件");
				case 3 -> new Filter(Expr.cmp("=", Expr.field("Order", "product", "line"), new Str("pro")), "Pro",
						"专业版");
				case 4 -> new Filter(eq("Order", "fulfilment", "delivered"), "Delivered", "已交付");
				default -> new Filter(null, "", "");
			};
		}

		private static Expr eq(String source, String field, String value) {
			return Expr.cmp("=", Expr.field(source, field), new EnumLit(value));
		}

		private static Expr duration(String source, String end, String start) {
			return new Binary("-", Expr.field(source, end), Expr.field(source, start));
		}

		private static Cond bound(String operator, String value, String unit) {
			return Cond.bound(operator, Num.of(value, unit));
		}
	}
}
