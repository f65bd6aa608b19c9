package io.yardstick.runtime.calc;

import java.util.Arrays;

/**
 * An aggregate per entity ({@code count(Order)} inside {@code count(Customer where ...)}): one value per
 * period and row of the entity's source, accumulated over the rows that reference that row. Read by the scan
 * of the outer aggregate as a row value; never broken down (the outer rows are).
 */
public final class PerEntity {
	/** The aggregates that can be computed per entity. */
	public enum Function {
		COUNT, SUM, AVG, MIN, MAX
	}

	private final Function function;
	private final int entities;
	private final double[] values;
	private final double[] counts;

	/**
	 * @param periods the run's number of periods
	 * @param entities the number of rows of the entity's source
	 */
	public PerEntity(Function function, int periods, int entities) {
		this.function = function;
		this.entities = entities;
		this.values = new double[Math.multiplyExact(periods, entities)];
		if (function == Function.MIN || function == Function.MAX) {
			Arrays.fill(values, Double.NaN);
		}
		this.counts = function == Function.AVG ? new double[values.length] : null;
	}

	/** A row of {@code count(Source)} or of {@code count(x)} whose x is not null. */
	public void add(int period, int entity) {
		if (entity >= 0) {
			values[period * entities + entity]++;
		}
	}

	/** A value of sum, avg, min or max; null is skipped. */
	public void add(int period, int entity, double value) {
		if (entity < 0 || Double.isNaN(value)) {
			return;
		}
		int at = period * entities + entity;
		switch (function) {
			case SUM, COUNT -> values[at] += value;
			case AVG -> {
				values[at] += value;
				counts[at]++;
			}
			case MIN -> values[at] = Double.isNaN(values[at]) || value < values[at] ? value : values[at];
			case MAX -> values[at] = Double.isNaN(values[at]) || value > values[at] ? value : values[at];
		}
	}

	/** The entity's value in a period: 0 for a count or sum over no rows, null for the others. */
	public double value(int period, int entity) {
		if (entity < 0 || period < 0) {
			return Double.NaN;
		}
		int at = period * entities + entity;
		if (function == Function.AVG) {
			return counts[at] == 0 ? Double.NaN : values[at] / counts[at];
		}
		return values[at];
	}
}
