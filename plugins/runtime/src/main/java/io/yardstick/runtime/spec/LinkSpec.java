package io.yardstick.runtime.spec;

/**
 * A declared causal link between two metrics.
 *
 * @param lag how many periods of {@code lagGrain} the effect takes; 0 for none
 * @param lagGrain the grain of the lag ({@code month}), or null
 */
public record LinkSpec(String from, String to, boolean positive, int lag, String lagGrain, String status,
		boolean feedback, String rationale) {
}
