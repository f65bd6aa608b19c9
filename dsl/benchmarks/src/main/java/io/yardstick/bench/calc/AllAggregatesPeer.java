package io.yardstick.bench.calc;

import java.util.List;

/**
 * The hand-written DuckDB query of the all-aggregates benchmark template
 * ({@code templates/all-aggregates/all-aggregates.kpi}): its fourteen metrics by month, in total, by region and
 * by region × product line, over the tables {@link DuckDbPeer#load} fills. Written as a DuckDB user would write
 * it, one pass over the tickets with {@code GROUPING SETS}; the grid gives every month × group its row, as the
 * calculator does (a crossed breakdown has every combination of the dimensions' values).
 */
final class AllAggregatesPeer {
	static final List<String> METRICS = List.of("tickets", "rated", "customers", "serviceCost", "csat",
			"fastestResponse", "slowestResponse", "medianResolution", "p90Response", "costSpread",
			"firstContactResolution", "followUpsPerContact", "complaintResolution", "enterpriseCustomers");

	static final String QUERY = """
			WITH tk AS (
			  SELECT ticket.*, customer.segment AS segment,
			    year(createdAt) * 12 + month(createdAt) - 1 AS ym,
			    (epoch_ms(firstResponseAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE AS response,
			    (epoch_ms(resolvedAt) - epoch_ms(createdAt)) / 1000.0::DOUBLE AS resolution
			  FROM ticket LEFT JOIN customer ON ticket.customer = customer.customerId),
			t AS (
			  SELECT ym, region, productLine, grouping(region) AS no_region, grouping(productLine) AS no_line,
			    count(*) AS tickets,
			    count(nps) AS rated,
			    count(DISTINCT customer) AS customers,
			    sum(cost) AS service_cost,
			    avg(csat) AS csat,
			    min(response) AS fastest,
			    max(response) AS slowest,
			    quantile_cont(resolution, 0.5) AS median_resolution,
			    quantile_cont(response, 0.9) AS p90_response,
			    stddev_samp(cost) AS cost_spread,
			    count(*) FILTER (WHERE resolvedAt IS NOT NULL AND contacts = 1) AS first_contact,
			    count(resolvedAt) AS resolved,
			    sum(followUps) AS follow_ups,
			    sum(contacts) AS contacts,
			    quantile_cont(resolution, 0.5) FILTER (WHERE isComplaint) AS complaint_resolution,
			    count(DISTINCT customer) FILTER (WHERE segment = 'enterprise') AS enterprise_customers
			  FROM tk
			  GROUP BY GROUPING SETS ((ym), (ym, region), (ym, region, productLine))),
			months AS (
			  SELECT unnest(range(min(ym), max(ym) + 1)) AS ym FROM t),
			regions AS (
			  SELECT DISTINCT region FROM ticket UNION SELECT DISTINCT region FROM customer),
			lines AS (
			  SELECT DISTINCT productLine FROM ticket),
			grid AS (
			  SELECT ym, 'total' AS grouping, NULL::VARCHAR AS region, NULL::VARCHAR AS productLine FROM months
			  UNION ALL
			  SELECT ym, 'region', region, NULL FROM months CROSS JOIN regions
			  UNION ALL
			  SELECT ym, 'region*productLine', region, productLine FROM months CROSS JOIN regions CROSS JOIN lines)
			SELECT strftime(make_date(grid.ym // 12, grid.ym % 12 + 1, 1), '%Y-%m') AS period, grid.grouping,
			  grid.region, grid.productLine,
			  coalesce(t.tickets, 0) AS "tickets",
			  coalesce(t.rated, 0) AS "rated",
			  coalesce(t.customers, 0) AS "customers",
			  coalesce(t.service_cost, 0) AS "serviceCost",
			  t.csat AS "csat",
			  t.fastest AS "fastestResponse",
			  t.slowest AS "slowestResponse",
			  t.median_resolution AS "medianResolution",
			  t.p90_response AS "p90Response",
			  t.cost_spread AS "costSpread",
			  CASE WHEN t.resolved > 0 THEN t.first_contact / t.resolved::DOUBLE END AS "firstContactResolution",
			  CASE WHEN t.contacts <> 0 THEN t.follow_ups / t.contacts::DOUBLE END AS "followUpsPerContact",
			  t.complaint_resolution AS "complaintResolution",
			  coalesce(t.enterprise_customers, 0) AS "enterpriseCustomers"
			FROM grid LEFT JOIN t ON t.ym = grid.ym
			  AND (CASE grid.grouping WHEN 'total' THEN t.no_region = 1
			       WHEN 'region' THEN t.no_region = 0 AND t.no_line = 1 AND t.region = grid.region
			       ELSE t.no_line = 0 AND t.region = grid.region AND t.productLine = grid.productLine END)
			ORDER BY grid.ym, grid.grouping, grid.region, grid.productLine
			""";

	private AllAggregatesPeer() {
	}
}
