package io.yardstick.dsl.clienttemplate;

import java.util.Map;

/**
 * A template a client template can extend, as the wizard lists it.
 *
 * @param qualifiedName what {@code extends} names, e.g. aftersales.standard.StandardAfterSales
 * @param origin where it comes from, as the wizard shows it: "library" or a workspace path
 * @param folder the name of the folder its files come from; the wizard copies them into a folder of that name
 * @param files the files to copy into the client's project (its folder's .kpi files and README), by name
 * @param project the workspace project it lives in, or null for a library template
 */
public record TemplateChoice(String qualifiedName, String zhLabel, String enLabel, String industry, String description,
		String origin, String folder, Map<String, byte[]> files, String project, ClientTemplateWriter.Examples examples) {

	public static final String LIBRARY = "library";

	public boolean fromLibrary() {
		return project == null;
	}

	public String simpleName() {
		return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
	}

	/** The English label, else the Chinese one, else the name: how the client file's comment calls it. */
	public String title() {
		if (!enLabel.isEmpty()) {
			return "the " + enLabel + " template";
		}
		return zhLabel.isEmpty() ? "the template " + simpleName() : "the template " + zhLabel;
	}
}
