package io.yardstick.cli.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sample data for example-templates/heavy-asset-maintenance: 28 production assets in 4 plants, 18 months from
 * January 2025. Writes Asset.csv, Production.csv (one row per asset and reporting week: days 1-7, 8-14, 15-21 and
 * 22 to the month's end) and WorkOrder.csv (breakdowns, corrective repairs, preventive maintenance).
 *
 * <p>The simulation plants the template's links: preventive maintenance done late raises an asset's failure
 * hazard the next month (pmCompliance -> repairRate, pmCompliance -> mtbf); an asset in poor condition also runs
 * slower and scraps more (repairRate -> performance, repairRate -> quality); a stretched maintenance crew answers
 * breakdowns later and runs out of spare parts more often (responseTime -> mttr); every breakdown takes its
 * restoration time out of the planned production time (mttr, mtbf -> availability); OEE is the product of its three
 * factors; every work order costs labour and parts (repairRate, mttr -> maintenanceCostPerAsset).
 *
 * <p>Deterministic: one {@link Random} with a fixed seed, draws in a fixed order, {@link StrictMath}, no clock, no
 * hash iteration, {@link Locale#ROOT} formatting. Regenerate with {@code java
 * plugins/yardstick/src/test/java/io/yardstick/cli/templates/HeavyAssetMaintenanceSampleData.java
 * example-templates/heavy-asset-maintenance/data}.
 */
public final class HeavyAssetMaintenanceSampleData {
	static final long SEED = 20250101L;
	static final LocalDate FIRST_MONTH = LocalDate.of(2025, 1, 1);
	static final int MONTHS = 18;

	/** A plant: its assets, how well it keeps its maintenance plan, how fast its crew answers. */
	record Plant(String name, int assets, double pmCompliance, double responseMinutes, double partsStockout) {
	}

	static final List<Plant> PLANTS = List.of(
			new Plant("长春工厂", 8, 0.96, 16, 0.04),
			new Plant("武汉工厂", 7, 0.93, 22, 0.07),
			new Plant("重庆工厂", 6, 0.87, 31, 0.12),
			new Plant("佛山工厂", 7, 0.91, 26, 0.09));

	/** An asset type: ideal cycle time, how often it fails and how long and costly its repairs are. */
	record AssetType(String name, double idealCycleSeconds, double failureFactor, double repairHours,
			double partsCost, double rejectShare) {
	}

	static final List<AssetType> TYPES = List.of(
			new AssetType("冲压机", 3.0, 1.10, 2.6, 2400, 0.017),
			new AssetType("锻压机", 12.0, 1.30, 3.2, 3900, 0.022),
			new AssetType("压铸机", 40.0, 1.00, 2.9, 3100, 0.026),
			new AssetType("数控机床", 75.0, 0.70, 2.2, 1900, 0.013));

	// Production: two shifts of 420 planned minutes (480 less breaks) on every working day (Monday to Saturday).
	static final int SHIFT_MINUTES = 420;
	static final int SHIFTS_PER_DAY = 2;
	static final double SETUP_LOSS = 0.085; // changeovers and planned-time losses other than breakdowns
	static final double SETUP_LOSS_SD = 0.012;
	static final double PERFORMANCE_BASE = 0.885;
	static final double PERFORMANCE_PER_CONDITION = 0.060; // speed lost per unit of condition above 1
	static final double PERFORMANCE_SD = 0.010;
	static final double RESTART_SCRAP_MINUTES = 10; // production scrapped when a line restarts after a breakdown

	// Reliability: mean run hours between breakdowns of an asset in normal condition (failure factor 1).
	static final double BASE_MTBF_HOURS = 175;
	static final double CORRECTIVE_PER_BREAKDOWN = 0.45; // defects repaired without stopping the line
	/** Condition: the failure hazard multiplier e^(K × (share of last month's PM orders done late − 0.1)). */
	static final double LATE_PM_HAZARD = 1.4;
	static final double SUMMER_HAZARD = 1.12; // July and August: heat
	static final double RAMP_UP_PERFORMANCE = 0.03; // February: lines restart slowly after the Spring Festival
	static final double RAMP_UP_REJECTS = 1.3;
	static final double SEVERITY_SD = 0.45; // a hard failure takes longer to repair and needs more parts

	// Preventive maintenance: a plant-month's on-time chance is the plant's base + 0.06 z, z an AR(1) process per plant,
	// lower at the Spring Festival, when crews are away.
	static final double PM_MEMORY = 0.6;
	static final double PM_SD = 0.06;
	static final double FESTIVAL_PM_DROP = 0.06;

	// Maintenance crew: the plant-month's crew load is e^(0.35 z), z an AR(1) process per plant.
	static final double CREW_LOAD_SD = 0.35;
	static final double CREW_MEMORY = 0.5;
	static final double PARTS_WAIT_HOURS = 5.0;
	static final double TECHNICIAN_RATE = 150; // CNY per hour
	static final double EXPEDITED_PARTS = 1.5; // parts bought in a hurry when the store had none
	// A breakdown not restored within a shift brings in the equipment maker's service engineer.
	static final double CONTRACTOR_AFTER_HOURS = 6;
	static final double CONTRACTOR_FEE = 5000; // CNY per call-out
	static final double CONTRACTOR_RATE = 400; // CNY per hour beyond CONTRACTOR_AFTER_HOURS

	static final List<LocalDate> HOLIDAYS = holidays();

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private HeavyAssetMaintenanceSampleData() {
	}

	/** The Spring Festival shutdowns. */
	private static List<LocalDate> holidays() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
			days.add(d);
		}
		for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
			days.add(d);
		}
		return days;
	}

	record Asset(String id, String name, Plant plant, AssetType type, LocalDate commissionedOn, double ageFactor) {
	}

	record WorkOrder(Asset asset, String type, LocalDateTime reportedAt, LocalDateTime dueAt, LocalDateTime startedAt,
			LocalDateTime completedAt, double laborCost, double partsCost) {
	}

	/** File name → CSV text, in source order. */
	public static Map<String, String> files() {
		return new Simulation().run();
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		Files.createDirectories(dir);
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			System.out.println(dir.resolve(file.getKey()) + ": " + (file.getValue().split("\n", -1).length - 2) + " rows");
		}
	}

	private static final class Simulation {
		private final Random random = new Random(SEED);
		private final List<Asset> assets = new ArrayList<>();
		private final StringBuilder assetCsv = new StringBuilder("assetId,name,plant,assetType,commissionedOn\n");
		private final StringBuilder productionCsv = new StringBuilder(
				"recordId,asset,startDate,plannedTime,runTime,idealCycleTime,totalCount,rejectCount\n");
		private final StringBuilder workOrderCsv = new StringBuilder(
				"workOrderId,asset,type,reportedAt,dueAt,startedAt,completedAt,laborCost,partsCost\n");
		private int productionSerial;
		private int workOrderSerial;

		Map<String, String> run() {
			createAssets();
			int plants = PLANTS.size();
			double[] pmState = new double[plants];
			double[] crewState = new double[plants];
			// share of each asset's PM orders done late last month: the asset's condition this month
			double[] lateLastMonth = new double[assets.size()];
			for (int a = 0; a < assets.size(); a++) {
				lateLastMonth[a] = 1 - assets.get(a).plant().pmCompliance();
			}
			LocalDateTime dataEnd = FIRST_MONTH.plusMonths(MONTHS).atStartOfDay();
			for (int m = 0; m < MONTHS; m++) {
				LocalDate month = FIRST_MONTH.plusMonths(m);
				List<WorkOrder> orders = new ArrayList<>();
				double[] lateThisMonth = new double[assets.size()];
				for (int p = 0; p < plants; p++) {
					Plant plant = PLANTS.get(p);
					pmState[p] = ar1(pmState[p], PM_MEMORY);
					crewState[p] = ar1(crewState[p], CREW_MEMORY);
					double festival = month.getMonthValue() == 2 ? FESTIVAL_PM_DROP : 0;
					double compliance = clamp(plant.pmCompliance() + PM_SD * pmState[p] - festival, 0.55, 0.99);
					double crewLoad = StrictMath.exp(CREW_LOAD_SD * crewState[p]);
					for (int a = 0; a < assets.size(); a++) {
						Asset asset = assets.get(a);
						if (asset.plant() != plant) {
							continue;
						}
						// Planted: late PM last month -> higher hazard this month (pmCompliance -> repairRate, mtbf)
						double condition = StrictMath.exp(LATE_PM_HAZARD * (lateLastMonth[a] - 0.1)) * asset.ageFactor();
						double hazardPerHour = condition * asset.type().failureFactor() / BASE_MTBF_HOURS
								* (month.getMonthValue() == 7 || month.getMonthValue() == 8 ? SUMMER_HAZARD : 1);
						int late = 0;
						int windows = 0;
						for (int w = 0; w < 4; w++) {
							LocalDate from = month.plusDays(7L * w);
							LocalDate to = w == 3 ? month.plusMonths(1) : month.plusDays(7L * (w + 1));
							List<LocalDate> workingDays = workingDays(from, to);
							WorkOrder pm = preventive(asset, from, compliance, dataEnd);
							orders.add(pm);
							windows++;
							if (pm.completedAt() == null || pm.completedAt().isAfter(pm.dueAt())) {
								late++;
							}
							if (workingDays.isEmpty()) {
								continue;
							}
							produce(asset, from, workingDays, hazardPerHour, condition, crewLoad, orders);
						}
						lateThisMonth[a] = (double) late / windows;
					}
				}
				lateLastMonth = lateThisMonth;
				orders.sort(Comparator.comparing(WorkOrder::reportedAt));
				for (WorkOrder order : orders) {
					writeWorkOrder(order);
				}
			}
			Map<String, String> files = new LinkedHashMap<>();
			files.put("Asset.csv", assetCsv.toString());
			files.put("Production.csv", productionCsv.toString());
			files.put("WorkOrder.csv", workOrderCsv.toString());
			return files;
		}

		private void createAssets() {
			int serial = 0;
			for (Plant plant : PLANTS) {
				for (int i = 0; i < plant.assets(); i++) {
					AssetType type = TYPES.get(i % TYPES.size());
					serial++;
					LocalDate commissioned = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(12 * 365));
					double age = 2025 - commissioned.getYear();
					// older machines fail somewhat more often
					double ageFactor = 1 + 0.03 * (age - 8);
					String id = String.format(Locale.ROOT, "A%03d", serial);
					String name = plant.name().substring(0, 2) + "-" + type.name() + "-" + String.format(Locale.ROOT, "%02d", i + 1);
					Asset asset = new Asset(id, name, plant, type, commissioned, ageFactor);
					assets.add(asset);
					assetCsv.append(csv(id, name, plant.name(), type.name(), commissioned.toString())).append('\n');
				}
			}
		}

		/** One reporting week of one asset: its breakdowns and repairs, then its production record. */
		private void produce(Asset asset, LocalDate from, List<LocalDate> workingDays, double hazardPerHour,
				double condition, double crewLoad, List<WorkOrder> orders) {
			AssetType type = asset.type();
			Plant plant = asset.plant();
			int planned = workingDays.size() * SHIFTS_PER_DAY * SHIFT_MINUTES;
			double exposureHours = planned / 60.0 * (1 - SETUP_LOSS);
			int breakdowns = poisson(hazardPerHour * exposureHours);
			int corrective = poisson(CORRECTIVE_PER_BREAKDOWN * hazardPerHour * exposureHours);
			double downtimeMinutes = 0;
			for (int i = 0; i < breakdowns; i++) {
				LocalDateTime reported = duringShifts(workingDays);
				// Planted: a loaded crew answers later and finds the parts store empty more often (responseTime -> mttr)
				double response = gamma(3, plant.responseMinutes() * crewLoad);
				double severity = lognormal(SEVERITY_SD);
				// a stretched crew also repairs more slowly: fewer hands per job
				double repair = gamma(2, type.repairHours()) * severity * StrictMath.sqrt(crewLoad);
				boolean waitedForParts = random.nextDouble() < plant.partsStockout() * crewLoad;
				double wait = waitedForParts ? gamma(2, PARTS_WAIT_HOURS) : 0;
				LocalDateTime started = reported.plusSeconds(Math.round(response * 60));
				LocalDateTime completed = started.plusSeconds(Math.round((repair + wait) * 3600));
				downtimeMinutes += response + (repair + wait) * 60;
				// Planted: labour scales with repair hours, parts bought in a hurry cost more (mttr -> cost)
				double labor = repair * 2 * TECHNICIAN_RATE;
				double parts = random.nextDouble() < 0.8 ? type.partsCost() * severity * lognormal(0.35) : 0;
				if (waitedForParts) {
					parts = Math.max(parts, type.partsCost()) * EXPEDITED_PARTS;
				}
				double restorationHours = response / 60 + repair + wait;
				if (restorationHours > CONTRACTOR_AFTER_HOURS) {
					labor += CONTRACTOR_FEE + CONTRACTOR_RATE * (restorationHours - CONTRACTOR_AFTER_HOURS);
				}
				orders.add(new WorkOrder(asset, "breakdown", reported, null, started, completed, labor, parts));
			}
			for (int i = 0; i < corrective; i++) {
				LocalDateTime reported = duringShifts(workingDays);
				LocalDateTime started = reported.plusSeconds(Math.round(gamma(2, 16) * 3600));
				double hours = gamma(2, 2.0);
				LocalDateTime completed = started.plusSeconds(Math.round(hours * 3600));
				orders.add(new WorkOrder(asset, "corrective", reported, null, started, completed,
						hours * TECHNICIAN_RATE, 600 * lognormal(0.5)));
			}
			// Planted: breakdowns take their restoration time out of planned production time (mttr, mtbf -> availability)
			double setup = planned * clamp(SETUP_LOSS + SETUP_LOSS_SD * random.nextGaussian(), 0.03, 0.15);
			int run = (int) Math.round(Math.max(planned * 0.4, planned - setup - downtimeMinutes));
			// Planted: an asset in poor condition runs slower and scraps more (repairRate -> performance, quality)
			boolean rampUp = from.getMonthValue() == 2;
			double performance = clamp(PERFORMANCE_BASE - PERFORMANCE_PER_CONDITION * (condition - 1)
					- (rampUp ? RAMP_UP_PERFORMANCE : 0) + PERFORMANCE_SD * random.nextGaussian(), 0.6, 0.98);
			long total = Math.round(run * 60 * performance / type.idealCycleSeconds());
			double rejectShare = type.rejectShare() * (1 + 0.4 * (condition - 1)) * (rampUp ? RAMP_UP_REJECTS : 1)
					* lognormal(0.12);
			long rejects = Math.round(total * rejectShare)
					+ Math.round(breakdowns * RESTART_SCRAP_MINUTES * 60 / type.idealCycleSeconds());
			rejects = Math.min(rejects, total);
			productionSerial++;
			productionCsv.append(csv(String.format(Locale.ROOT, "P%05d", productionSerial), asset.id(), from.toString(),
					Integer.toString(planned), Integer.toString(run),
					String.format(Locale.ROOT, "%.1f", type.idealCycleSeconds()), Long.toString(total),
					Long.toString(rejects))).append('\n');
		}

		/** A preventive maintenance order, issued at the start of the week, due 6 days later. */
		private WorkOrder preventive(Asset asset, LocalDate from, double compliance, LocalDateTime dataEnd) {
			LocalDateTime issued = from.atTime(8, 0);
			LocalDateTime due = from.plusDays(6).atTime(18, 0);
			LocalDateTime completed;
			if (random.nextDouble() < compliance) {
				completed = issued.plusSeconds(Math.round(random.nextDouble() * 5.3 * 86400) + 4 * 3600);
			} else if (random.nextDouble() < 0.85) {
				completed = due.plusSeconds(Math.round(gamma(2, 4) * 86400) + 3600);
			} else {
				completed = null; // skipped
			}
			if (completed != null && !completed.isBefore(dataEnd)) {
				completed = null; // not done when the data was extracted
			}
			LocalDateTime started = completed == null ? null : completed.minusMinutes(150);
			double labor = completed == null ? 0 : 2.5 * 2 * TECHNICIAN_RATE * lognormal(0.15);
			double parts = completed == null ? 0 : 300 * lognormal(0.4);
			return new WorkOrder(asset, "preventive", issued, due, started, completed, labor, parts);
		}

		private void writeWorkOrder(WorkOrder order) {
			workOrderSerial++;
			workOrderCsv.append(csv(String.format(Locale.ROOT, "W%05d", workOrderSerial), order.asset().id(), order.type(),
					timestamp(order.reportedAt()), timestamp(order.dueAt()), timestamp(order.startedAt()),
					timestamp(order.completedAt()), money(order.laborCost()), money(order.partsCost()))).append('\n');
		}

		/** Working days (Monday to Saturday, not the Spring Festival) in [from, to). */
		private static List<LocalDate> workingDays(LocalDate from, LocalDate to) {
			List<LocalDate> days = new ArrayList<>();
			for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
				if (d.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d)) {
					days.add(d);
				}
			}
			return days;
		}

		/** A random second of the two shifts (06:00 to 22:00) of one of the days. */
		private LocalDateTime duringShifts(List<LocalDate> days) {
			LocalDate day = days.get(random.nextInt(days.size()));
			return day.atTime(6, 0).plusSeconds(random.nextInt(16 * 3600));
		}

		private double ar1(double previous, double memory) {
			return memory * previous + StrictMath.sqrt(1 - memory * memory) * random.nextGaussian();
		}

		private int poisson(double mean) {
			double limit = StrictMath.exp(-mean);
			double product = random.nextDouble();
			int n = 0;
			while (product > limit) {
				product *= random.nextDouble();
				n++;
			}
			return n;
		}

		/** Gamma with the given shape (at least 1) and mean: Marsaglia and Tsang. */
		private double gamma(double shape, double mean) {
			double d = shape - 1.0 / 3;
			double c = 1 / StrictMath.sqrt(9 * d);
			while (true) {
				double x = random.nextGaussian();
				double v = 1 + c * x;
				if (v <= 0) {
					continue;
				}
				v = v * v * v;
				double u = random.nextDouble();
				if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
					return d * v * mean / shape;
				}
			}
		}

		/** Log-normal noise with median 1. */
		private double lognormal(double sd) {
			return StrictMath.exp(sd * random.nextGaussian());
		}
	}

	static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}

	static String timestamp(LocalDateTime time) {
		return time == null ? "" : TIMESTAMP.format(time);
	}

	static String money(double amount) {
		return String.format(Locale.ROOT, "%.2f", amount);
	}

	/** One CSV record, RFC 4180: a cell is quoted only when it holds a comma, a quote or a line break. */
	static String csv(String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String cell = cells[i];
			if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
				line.append('"').append(cell.replace("\"", "\"\"")).append('"');
			} else {
				line.append(cell);
			}
		}
		return line.toString();
	}
}
