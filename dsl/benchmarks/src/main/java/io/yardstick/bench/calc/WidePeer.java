package io.yardstick.bench.calc;

import java.util.List;

/**
 * The hand-written DuckDB query of the wide workload ({@code templates/wide/wide.kpi}): its sixteen metrics by
 * month, in total and by region, over the table {@code wide_ticket} that {@link DuckDbPeer#load} fills from
 * {@link WideData}'s file. One pass over the tickets with {@code GROUPING SETS}, as a DuckDB user would write it;
 * the grid gives every month × group its row, as the calculator does.
 */
final class WidePeer {
	static final List<String> METRICS = List.of("tickets", "customers", "firstResponseTime", "p90FirstResponse",
			"medianResolution", "csat", "nps", "firstContactResolution", "reopenRate", "complaintShare", "closeRate",
			"unresolvedShare", "serviceCost", "costPerTicket", "followUpsPerContact", "urgentShare");

	static final String QUERY = """
			WITH t AS (
			  SELECT ym, region, grouping(region) AS no_region,
			    count(*) AS tickets,
			    count(DISTINCT customerId) AS customers,
			    avg(response) AS first_response,
			    quantile_cont(response, 0.9) AS p90_response,
			    quantile_cont(resolution, 0.5) AS median_resolution,
			    avg(csat) AS csat,
			    count(nps) AS nps_n,
			    count(*) FILTER (WHERE nps >= 9) AS promoters,
			    count(*) FILTER (WHERE nps <= 6) AS detractors,
			    count(resolvedAt) AS resolved,
			    count(*) FILTER (WHERE resolvedAt IS NOT NULL AND contacts = 1) AS first_contact,
			    count(*) FILTER (WHERE reopened) AS reopened,
			    count(*) FILTER (WHERE isComplaint) AS complaints,
			    count(*) FILTER (WHERE status = 'closed') AS closed,
			    sum(cost) AS service_cost,
			    avg(cost) AS cost_per_ticket,
			    sum(followUps) AS follow_ups,
			    sum(contacts) AS contacts,
			    count(*) FILTER (WHERE priority = 'urgent') AS urgent
			  FROM (SELECT *, year(createdAt) * 12 + month(createdAt) - 1 AS ym,
			      (epoch_ms(firstResponseAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE AS response,
			      (epoch_ms(resolvedAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE AS resolution
			    FROM wide_ticket)
			  GROUP BY GROUPING SETS ((ym), (ym, region))),
			months AS (
			  SELECT unnest(range(min(ym), max(ym) + 1)) AS ym FROM t),
			regions AS (
			  SELECT DISTINCT region FROM wide_ticket),
			grid AS (
			  SELECT ym, 'total' AS grouping, NULL::VARCHAR AS region FROM months
			  UNION ALL
			  SELECT ym, 'region', region FROM months CROSS JOIN regions)
			SELECT strftime(make_date(grid.ym // 12, grid.ym % 12 + 1, 1), '%Y-%m') AS period, grid.grouping,
			  grid.region, NULL::VARCHAR AS productLine,
			  coalesce(t.tickets, 0) AS "tickets",
			  coalesce(t.customers, 0) AS "customers",
			  t.first_response AS "firstResponseTime",
			  t.p90_response AS "p90FirstResponse",
			  t.median_resolution AS "medianResolution",
			  t.csat AS "csat",
			  CASE WHEN t.nps_n > 0 THEN 100 * (t.promoters / t.nps_n::DOUBLE - t.detractors / t.nps_n::DOUBLE)
			      END AS "nps",
			  CASE WHEN t.resolved > 0 THEN t.first_contact / t.resolved::DOUBLE END AS "firstContactResolution",
			  CASE WHEN t.tickets > 0 THEN t.reopened / t.tickets::DOUBLE END AS "reopenRate",
			  CASE WHEN t.tickets > 0 THEN t.complaints / t.tickets::DOUBLE END AS "complaintShare",
			  CASE WHEN t.tickets > 0 THEN t.closed / t.tickets::DOUBLE END AS "closeRate",
			  CASE WHEN t.tickets > 0 THEN (t.tickets - t.resolved) / t.tickets::DOUBLE END AS "unresolvedShare",
			  coalesce(t.service_cost, 0) AS "serviceCost",
			  t.cost_per_ticket AS "costPerTicket",
			  CASE WHEN t.contacts <> 0 THEN t.follow_ups / t.contacts::DOUBLE END AS "followUpsPerContact",
			  CASE WHEN t.tickets > 0 THEN t.urgent / t.tickets::DOUBLE END AS "urgentShare"
			FROM grid LEFT JOIN t ON t.ym = grid.ym
			  AND (CASE grid.grouping WHEN 'total' THEN t.no_region = 1 ELSE t.no_region = 0 AND t.region = grid.region END)
			ORDER BY grid.ym, grid.grouping, grid.region
			""";

	private WidePeer() {
	}
}
