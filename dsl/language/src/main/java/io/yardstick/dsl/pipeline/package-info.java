/**
 * The one way from a template to its numbers, shared by {@code yardstick run}, the Eclipse Preview, template
 * tests and the benchmarks: {@link io.yardstick.dsl.pipeline.Pipeline#select select} (load and validate the
 * files, pick the template) → {@link io.yardstick.dsl.pipeline.Pipeline#generate generate} (one plan, the
 * calculator's source and the report definitions) → {@link io.yardstick.dsl.pipeline.Pipeline#compile compile}
 * → {@link io.yardstick.dsl.pipeline.Pipeline#load load} (files into typed columns) →
 * {@link io.yardstick.dsl.pipeline.Pipeline#compute compute} on a {@link io.yardstick.dsl.pipeline.ComputeEngine}
 * given as a parameter (the Java calculator here; the SQL engines in plugins/engines). Writing the outputs is
 * left to the caller, since only {@code run} writes and each caller shows results its own way.
 */
package io.yardstick.dsl.pipeline;
