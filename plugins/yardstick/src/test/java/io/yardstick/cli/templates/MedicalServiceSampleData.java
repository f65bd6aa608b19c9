package io.yardstick.cli.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Sample data for {@code example-templates/medical-service}: a hospital group with five regional
 * branches, simulated month by month over 18 months from January 2025. The causal links the
 * template declares are planted (see the comments marked "link"), so that {@code yardstick review}
 * has something to find. Self-contained, JDK only; run it as a single file:
 *
 * <pre>
 * java plugins/yardstick/src/test/java/io/yardstick/cli/templates/MedicalServiceSampleData.java example-templates/medical-service/data
 * </pre>
 *
 * Deterministic: one {@link Random} with a fixed seed drawn in a fixed order, {@link StrictMath}
 * for every logarithm and exponential, {@link Locale#ROOT} for every number, no clock.
 */
public final class MedicalServiceSampleData {
	private static final long SEED = 20250101L;
	private static final YearMonth FIRST_MONTH = YearMonth.of(2025, 1);
	private static final int MONTHS = 18;
	private static final LocalDateTime END = FIRST_MONTH.plusMonths(MONTHS).atDay(1).atStartOfDay();

	// ---------------------------------------------------------------- regions and calendar

	private static final String[] REGIONS = { "华东", "华北", "华南", "西南", "西北" };
	/** Visits of a working day at each region's branch. */
	private static final double[] WEEKDAY_VISITS = { 2400, 1900, 1600, 1200, 900 };
	/** Base staffing pressure: how stretched each branch's doctors and nurses are. */
	private static final double[] REGION_LOAD = { 0.85, 0.95, 0.90, 1.05, 1.15 };
	/** Base safety-check compliance: each branch's safety culture. */
	private static final double[] REGION_SAFETY = { 0.982, 0.976, 0.974, 0.966, 0.958 };
	/** Speed factor of each branch's complaint office (above 1: slower). */
	private static final double[] REGION_OFFICE = { 0.90, 1.00, 0.95, 1.10, 1.20 };
	/** Staffing pressure by calendar month: winter flu, Spring Festival rota, summer paediatrics. */
	private static final double[] SEASON_LOAD = { 1.15, 1.05, 0.95, 0.92, 0.95, 1.00, 1.10, 1.10, 0.95, 0.92, 1.00, 1.15 };
	/** Visit volume by calendar month. */
	private static final double[] SEASON_VISITS = { 1.10, 0.85, 1.00, 1.00, 0.98, 0.98, 1.05, 1.05, 0.98, 0.92, 1.00, 1.10 };
	/** Visit volume by day of week, Monday first. */
	private static final double[] WEEKDAY_FACTOR = { 1.10, 1.05, 1.00, 1.00, 0.95, 0.60, 0.45 };
	/** Memory of the month-to-month random parts (AR(1) coefficient) and their spread. */
	private static final double MEMORY = 0.5;
	private static final double LOAD_SPREAD = 0.22;

	private static final String[] DEPARTMENTS = { "内科", "外科", "儿科", "妇产科", "急诊科" };
	private static final double[] VISIT_DEPARTMENT_SHARE = { 0.38, 0.20, 0.17, 0.13, 0.12 };
	private static final double[] EVENT_DEPARTMENT_SHARE = { 0.25, 0.35, 0.10, 0.10, 0.20 };

	// ---------------------------------------------------------------- clinics and waiting

	private static final double VISITS_PER_SESSION = 24;
	/** On-time start probability at load 0.8, and how much each unit of load above it costs. */
	private static final double ON_TIME_AT_LOW_LOAD = 0.99;
	private static final double ON_TIME_PER_LOAD = 0.10;
	/** Spread of each branch's monthly punctuality, apart from its load (rota discipline, meetings). */
	private static final double ON_TIME_SPREAD = 0.015;
	/** Mean wait at load 1 with every clinic on time, and the extra wait per late share. */
	private static final double WAIT_BASE_MIN = 22;
	private static final double WAIT_PER_LATE_SHARE = 4.0;
	/** Spread of a branch's monthly waits apart from load and punctuality (patient mix, triage). */
	private static final double WAIT_SPREAD = 0.10;

	// ---------------------------------------------------------------- safety

	private static final double SAFETY_CHECKS_PER_VISIT = 0.05;
	private static final double SAFETY_PER_LOAD = 0.025;
	private static final double SAFETY_SPREAD = 0.010;
	/** Adverse events per 1,000 visits at 97% safety-check compliance, and the slope above it. */
	private static final double EVENTS_PER_1000 = 0.28;
	private static final double EVENTS_PER_MISSED_CHECK = 25;
	private static final String[] SEVERITIES = { "minor", "moderate", "severe" };
	private static final double[] SEVERITY_SHARE = { 0.72, 0.24, 0.04 };
	/** Median recovery days by severity when the response took the reference 20 minutes. */
	private static final double[] SEVERITY_RECOVERY_DAYS = { 1.6, 5.0, 12.0 };
	private static final double RESPONSE_BASE_MIN = 20;
	private static final double RECOVERY_PER_RESPONSE_MIN = 0.025;
	/** A harmed patient or their family complains with this probability. */
	private static final double EVENT_COMPLAINT_PROBABILITY = 0.40;

	// ---------------------------------------------------------------- complaints and surveys

	/** Service complaints per 10,000 visits when patients are as satisfied as the reference. */
	private static final double SERVICE_COMPLAINTS_PER_10000 = 2.6;
	private static final double SATISFACTION_REFERENCE = 4.55;
	private static final double COMPLAINTS_PER_SATISFACTION_POINT = 3.0;
	/** Complaint resolution days at a normal caseload, and its elasticity to last month's caseload. */
	private static final double RESOLUTION_BASE_DAYS = 4.0;
	private static final double RESOLUTION_CASELOAD_ELASTICITY = 0.6;
	private static final double EXPECTED_COMPLAINTS_PER_10000 = 4.0;
	/** Spread of the complaint office's monthly speed apart from its caseload (staff leave, hard cases). */
	private static final double OFFICE_SPREAD = 0.25;
	private static final String[] CHANNELS = { "onsite", "phone", "online" };
	private static final double[] CHANNEL_SHARE = { 0.45, 0.35, 0.20 };

	/** Random-patient surveys per visit, and the share of resolved complaints followed up by a survey. */
	private static final double SURVEYS_PER_VISIT = 0.0006;
	private static final double FOLLOW_UP_PROBABILITY = 0.45;
	/** Latent satisfaction of a patient: base minus a slope per minute waited beyond 20. */
	private static final double SATISFACTION_BASE = 4.65;
	private static final double SATISFACTION_PER_WAIT_MIN = 0.015;
	/** Latent satisfaction of a complainant: base minus a slope per day the complaint took. */
	private static final double FOLLOW_UP_SATISFACTION_BASE = 4.2;
	private static final double FOLLOW_UP_SATISFACTION_PER_DAY = 0.17;
	/** Likelihood to recommend (0..10) read off the latent satisfaction, and the share who skip the question. */
	private static final double RECOMMEND_PER_POINT = 2.0;
	private static final double RECOMMEND_OFFSET = 0.1;
	private static final double RECOMMEND_NO_ANSWER = 0.12;

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private MedicalServiceSampleData() {
	}

	/** File name to complete CSV text, in the order the template declares its sources. */
	public static Map<String, String> files() {
		Simulation simulation = new Simulation();
		simulation.run();
		Map<String, String> files = new LinkedHashMap<>();
		files.put("DailyStat.csv", simulation.dailyStat.toString());
		files.put("AdverseEvent.csv", simulation.adverseEvent.toString());
		files.put("Complaint.csv", simulation.complaint.toString());
		files.put("Survey.csv", simulation.survey.toString());
		return files;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: java MedicalServiceSampleData.java <output folder>");
			System.exit(2);
		}
		Path folder = Path.of(args[0]);
		Files.createDirectories(folder);
		for (Map.Entry<String, String> file : files().entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			System.out.println(folder.resolve(file.getKey()) + ": " + (file.getValue().split("\n").length - 1) + " rows");
		}
	}

	/** A complaint waiting for its month to be written: its resolution depends on that month's caseload. */
	private record PendingComplaint(int region, String department, String channel, LocalDateTime receivedAt) {
	}

	/** A survey waiting for its month to be written. */
	private record PendingSurvey(int region, String department, LocalDateTime surveyedAt, boolean followUp, double latent) {
	}

	private static final class Simulation {
		private final Random random = new Random(SEED);
		private final StringBuilder dailyStat = new StringBuilder(
				"statId,region,day,visits,sessions,onTimeSessions,waitTotal,safetyChecksDue,safetyChecksDone\n");
		private final StringBuilder adverseEvent = new StringBuilder(
				"eventId,region,department,severity,occurredAt,respondedAt,recoveredAt\n");
		private final StringBuilder complaint = new StringBuilder(
				"complaintId,region,department,channel,receivedAt,resolvedAt\n");
		private final StringBuilder survey = new StringBuilder(
				"surveyId,region,department,surveyedAt,followUp,satisfaction,recommend\n");
		private int statIds;
		private int eventIds;
		private int complaintIds;
		private int surveyIds;

		private final List<List<PendingComplaint>> complaints = new ArrayList<>();
		private final List<List<PendingSurvey>> surveys = new ArrayList<>();
		private final double[] loadNoise = new double[REGIONS.length];
		private final double[] safetyNoise = new double[REGIONS.length];
		private final double[] officeNoise = new double[REGIONS.length];
		private final double[] punctualityNoise = new double[REGIONS.length];
		/** Complaints per 10,000 visits of the previous month, per region: the complaint office's caseload. */
		private final double[] lastCaseload = new double[REGIONS.length];

		void run() {
			for (int m = 0; m < MONTHS; m++) {
				complaints.add(new ArrayList<>());
				surveys.add(new ArrayList<>());
			}
			java.util.Arrays.fill(lastCaseload, EXPECTED_COMPLAINTS_PER_10000);
			for (int m = 0; m < MONTHS; m++) {
				month(m);
			}
		}

		private void month(int m) {
			YearMonth month = FIRST_MONTH.plusMonths(m);
			int calendar = month.getMonthValue() - 1;
			int days = month.lengthOfMonth();
			int regions = REGIONS.length;

			// Staffing load and safety culture of each region this month: a base, the season and an
			// AR(1) part, so that a bad month tends to follow a bad month.
			double[] load = new double[regions];
			double[] safety = new double[regions];
			double[] onTime = new double[regions];
			double[] waitFactor = new double[regions];
			for (int r = 0; r < regions; r++) {
				loadNoise[r] = ar1(loadNoise[r]);
				safetyNoise[r] = ar1(safetyNoise[r]);
				officeNoise[r] = ar1(officeNoise[r]);
				punctualityNoise[r] = ar1(punctualityNoise[r]);
				waitFactor[r] = lognormal(WAIT_SPREAD);
				load[r] = clamp(REGION_LOAD[r] * SEASON_LOAD[calendar] * StrictMath.exp(LOAD_SPREAD * loadNoise[r]), 0.6, 2.2);
				safety[r] = clamp(REGION_SAFETY[r] - SAFETY_PER_LOAD * (load[r] - 1) + SAFETY_SPREAD * safetyNoise[r], 0.88, 0.997);
				// link onTimeStartRate: clinics start late when the branch is stretched, and with its own
				// month-to-month discipline.
				onTime[r] = clamp(ON_TIME_AT_LOW_LOAD - ON_TIME_PER_LOAD * (load[r] - 0.8) + ON_TIME_SPREAD * punctualityNoise[r],
						0.70, 0.995);
			}

			// DailyStat: one row per day and branch.
			double[][] dayVisits = new double[regions][days];
			double[][] dayWait = new double[regions][days];
			double[] visits = new double[regions];
			double[] waitMinutes = new double[regions];
			double[] checksDue = new double[regions];
			double[] checksDone = new double[regions];
			for (int d = 0; d < days; d++) {
				LocalDate day = month.atDay(d + 1);
				int weekday = day.getDayOfWeek().getValue() - 1;
				for (int r = 0; r < regions; r++) {
					int v = (int) StrictMath.round(WEEKDAY_VISITS[r] * WEEKDAY_FACTOR[weekday] * SEASON_VISITS[calendar]
							* (1 + 0.01 * m) * lognormal(0.06));
					int sessions = Math.max(1, (int) StrictMath.round(v / VISITS_PER_SESSION));
					int onTimeSessions = binomial(sessions, clamp(onTime[r] + 0.02 * random.nextGaussian(), 0.5, 1));
					double lateShare = 1 - (double) onTimeSessions / sessions;
					// link onTimeStartRate -> waitingTime: every clinic that starts late backs up its queue.
					double wait = WAIT_BASE_MIN * load[r] * waitFactor[r] * (1 + WAIT_PER_LATE_SHARE * lateShare) * lognormal(0.08);
					int due = (int) StrictMath.round(v * SAFETY_CHECKS_PER_VISIT * lognormal(0.05));
					int done = binomial(due, safety[r]);
					dailyStat.append(String.format(Locale.ROOT, "D%06d,%s,%s,%d,%d,%d,%.1f,%d,%d\n", ++statIds, REGIONS[r], day,
							v, sessions, onTimeSessions, v * wait / 60, due, done));
					dayVisits[r][d] = v;
					dayWait[r][d] = wait;
					visits[r] += v;
					waitMinutes[r] += v * wait;
					checksDue[r] += due;
					checksDone[r] += done;
				}
			}

			for (int r = 0; r < regions; r++) {
				double meanWait = waitMinutes[r] / visits[r];
				double compliance = checksDone[r] / checksDue[r];

				// AdverseEvent. link safetyCheckRate -> adverseEventRate: every point of compliance
				// below 97% raises the event rate (e^(25 x shortfall)).
				int events = poisson(visits[r] / 1000 * EVENTS_PER_1000
						* StrictMath.exp(EVENTS_PER_MISSED_CHECK * (0.97 - compliance)));
				for (int e = 0; e < events; e++) {
					LocalDateTime occurred = timeOnDay(month, pickDay(dayVisits[r]), true);
					String department = DEPARTMENTS[pick(EVENT_DEPARTMENT_SHARE)];
					int severity = pick(SEVERITY_SHARE);
					// link eventResponseTime: the rapid-response team is slower when the branch is stretched,
					// a little faster for severe events.
					double responseMin = 3 + gamma2(RESPONSE_BASE_MIN * StrictMath.pow(load[r], 1.5) * (severity == 2 ? 0.6 : 1));
					// link eventResponseTime -> recoveryTime: each minute of delay lengthens recovery by 2.5%.
					double recoveryDays = SEVERITY_RECOVERY_DAYS[severity]
							* StrictMath.exp(RECOVERY_PER_RESPONSE_MIN * (responseMin - RESPONSE_BASE_MIN)) * lognormal(0.35);
					LocalDateTime responded = occurred.plusSeconds((long) (responseMin * 60));
					LocalDateTime recovered = responded.plusSeconds((long) (recoveryDays * 86400));
					adverseEvent.append(String.format(Locale.ROOT, "E%06d,%s,%s,%s,%s,%s,%s\n", ++eventIds, REGIONS[r], department,
							SEVERITIES[severity], stamp(occurred), stamp(responded), recovered.isBefore(END) ? stamp(recovered) : ""));
					// link adverseEventRate -> complaintRate: harmed patients and their families complain.
					if (random.nextDouble() < EVENT_COMPLAINT_PROBABILITY) {
						LocalDateTime received = occurred.plusSeconds(86400L + random.nextInt(4 * 86400));
						queueComplaint(new PendingComplaint(r, department, CHANNELS[pick(CHANNEL_SHARE)], received));
					}
				}

				// Random-patient surveys. link waitingTime -> satisfaction: each minute waited beyond 20
				// costs 0.015 points of the patient's latent satisfaction.
				int surveyed = poisson(visits[r] * SURVEYS_PER_VISIT);
				for (int s = 0; s < surveyed; s++) {
					int d = pickDay(dayVisits[r]);
					double waited = gamma2(dayWait[r][d]);
					double latent = SATISFACTION_BASE - SATISFACTION_PER_WAIT_MIN * (waited - 20) + 0.55 * random.nextGaussian();
					surveys.get(m).add(new PendingSurvey(r, DEPARTMENTS[pick(VISIT_DEPARTMENT_SHARE)], timeOnDay(month, d, false),
							false, latent));
				}

				// Service complaints. link satisfaction -> complaintRate: the less satisfied the month's
				// patients (here: through the month's mean wait), the more of them complain.
				double expectedSatisfaction = SATISFACTION_BASE - SATISFACTION_PER_WAIT_MIN * (meanWait - 20);
				int serviceComplaints = poisson(visits[r] / 10000 * SERVICE_COMPLAINTS_PER_10000
						* StrictMath.exp(COMPLAINTS_PER_SATISFACTION_POINT * (SATISFACTION_REFERENCE - expectedSatisfaction)));
				for (int c = 0; c < serviceComplaints; c++) {
					queueComplaint(new PendingComplaint(r, DEPARTMENTS[pick(VISIT_DEPARTMENT_SHARE)], CHANNELS[pick(CHANNEL_SHARE)],
							timeOnDay(month, pickDay(dayVisits[r]), false)));
				}
			}

			// The month's complaints are all known now (those caused by adverse events arrive a few days
			// later and may have been queued last month): resolve them.
			double[] received = new double[regions];
			for (PendingComplaint pending : complaints.get(m)) {
				received[pending.region()]++;
			}
			double[] meanDays = new double[regions];
			for (int r = 0; r < regions; r++) {
				// link complaintRate -> complaintResolutionTime (feedback, lag 1 month): last month's
				// caseload slows this month's handling.
				meanDays[r] = RESOLUTION_BASE_DAYS * REGION_OFFICE[r]
						* StrictMath.pow(lastCaseload[r] / EXPECTED_COMPLAINTS_PER_10000, RESOLUTION_CASELOAD_ELASTICITY)
						* StrictMath.exp(OFFICE_SPREAD * officeNoise[r]);
				lastCaseload[r] = received[r] / visits[r] * 10000;
			}
			for (PendingComplaint pending : complaints.get(m)) {
				double resolutionDays = 0.1 + gamma2(meanDays[pending.region()]);
				LocalDateTime resolved = pending.receivedAt().plusSeconds((long) (resolutionDays * 86400));
				boolean done = resolved.isBefore(END);
				complaint.append(String.format(Locale.ROOT, "C%06d,%s,%s,%s,%s,%s\n", ++complaintIds, REGIONS[pending.region()],
						pending.department(), pending.channel(), stamp(pending.receivedAt()), done ? stamp(resolved) : ""));
				// link complaintResolutionTime -> satisfaction: complainants are surveyed after closing, and
				// each day the complaint took costs 0.17 points.
				if (done && random.nextDouble() < FOLLOW_UP_PROBABILITY) {
					LocalDateTime surveyedAt = resolved.plusSeconds(86400L + random.nextInt(2 * 86400));
					double latent = FOLLOW_UP_SATISFACTION_BASE - FOLLOW_UP_SATISFACTION_PER_DAY * resolutionDays + 0.6 * random.nextGaussian();
					queueSurvey(new PendingSurvey(pending.region(), pending.department(), surveyedAt, true, latent));
				}
			}

			// Surveys of the month. link satisfaction -> nps: the recommendation is read off the same
			// latent satisfaction as the score.
			for (PendingSurvey pending : surveys.get(m)) {
				int score = (int) clamp(StrictMath.round(pending.latent()), 1, 5);
				String recommend = "";
				if (random.nextDouble() >= RECOMMEND_NO_ANSWER) {
					recommend = Long.toString((long) clamp(StrictMath.round(RECOMMEND_PER_POINT * pending.latent() + RECOMMEND_OFFSET + 1.1 * random.nextGaussian()), 0, 10));
				}
				survey.append(String.format(Locale.ROOT, "S%06d,%s,%s,%s,%s,%d,%s\n", ++surveyIds, REGIONS[pending.region()],
						pending.department(), stamp(pending.surveyedAt()), pending.followUp(), score, recommend));
			}
		}

		private void queueComplaint(PendingComplaint pending) {
			int index = monthIndex(pending.receivedAt());
			if (index < MONTHS) {
				complaints.get(index).add(pending);
			}
		}

		private void queueSurvey(PendingSurvey pending) {
			int index = monthIndex(pending.surveyedAt());
			if (index < MONTHS) {
				surveys.get(index).add(pending);
			}
		}

		private static int monthIndex(LocalDateTime time) {
			return (time.getYear() - FIRST_MONTH.getYear()) * 12 + time.getMonthValue() - FIRST_MONTH.getMonthValue();
		}

		/** A day of the month, drawn in proportion to the day's visits. */
		private int pickDay(double[] dayVisits) {
			double total = 0;
			for (double v : dayVisits) {
				total += v;
			}
			double u = random.nextDouble() * total;
			for (int d = 0; d < dayVisits.length; d++) {
				u -= dayVisits[d];
				if (u < 0) {
					return d;
				}
			}
			return dayVisits.length - 1;
		}

		/** A time on the day: clinic hours (8:00-17:00), or round the clock with a daytime peak. */
		private LocalDateTime timeOnDay(YearMonth month, int day, boolean roundTheClock) {
			int hour = roundTheClock && random.nextDouble() < 0.3 ? random.nextInt(24) : 8 + random.nextInt(9);
			return month.atDay(day + 1).atTime(hour, random.nextInt(60), random.nextInt(60));
		}

		private int pick(double[] shares) {
			double u = random.nextDouble();
			for (int i = 0; i < shares.length - 1; i++) {
				u -= shares[i];
				if (u < 0) {
					return i;
				}
			}
			return shares.length - 1;
		}

		private double ar1(double previous) {
			return MEMORY * previous + StrictMath.sqrt(1 - MEMORY * MEMORY) * random.nextGaussian();
		}

		private double lognormal(double sigma) {
			return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
		}

		/** Gamma with shape 2 and the given mean: the sum of two exponentials. */
		private double gamma2(double mean) {
			return -mean / 2 * (StrictMath.log(1 - random.nextDouble()) + StrictMath.log(1 - random.nextDouble()));
		}

		private int poisson(double mean) {
			double limit = StrictMath.exp(-mean);
			double product = random.nextDouble();
			int k = 0;
			while (product > limit) {
				product *= random.nextDouble();
				k++;
			}
			return k;
		}

		private int binomial(int n, double p) {
			int k = 0;
			for (int i = 0; i < n; i++) {
				if (random.nextDouble() < p) {
					k++;
				}
			}
			return k;
		}
	}

	private static String stamp(LocalDateTime time) {
		return TIMESTAMP.format(time);
	}

	private static double clamp(double value, double low, double high) {
		return Math.max(low, Math.min(high, value));
	}
}
