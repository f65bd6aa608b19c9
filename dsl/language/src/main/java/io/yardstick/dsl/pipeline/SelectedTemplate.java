package io.yardstick.dsl.pipeline;

import io.yardstick.dsl.kpi.Template;
import io.yardstick.dsl.workspace.Finding;
import io.yardstick.dsl.workspace.LoadedModel;
import java.util.List;

/**
 * A template picked from a model that validated without errors.
 *
 * @param model the files it was loaded with, for positions of later findings
 * @param findings the warnings and infos of validation, to show beside the results
 */
public record SelectedTemplate(Template template, LoadedModel model, List<Finding> findings) {
	public SelectedTemplate {
		findings = List.copyOf(findings);
	}
}
