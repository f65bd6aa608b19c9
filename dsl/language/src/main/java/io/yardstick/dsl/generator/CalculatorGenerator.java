package io.yardstick.dsl.generator;

import io.yardstick.dsl.kpi.Template;

/**
 * Turns a template into the Java source of its calculator: one class that depends only on the runtime
 * library. The template must have passed validation without errors.
 */
public final class CalculatorGenerator {

	/** A generated source file. */
	public record GeneratedSource(String qualifiedClassName, String relativePath, String content) {
	}

	/** The template's name qualified by its file's package: {@code aftersales.standard.StandardAfterSales}. */
	public static String qualifiedName(Template template) {
		io.yardstick.dsl.kpi.Model file = org.eclipse.xtext.EcoreUtil2.getContainerOfType(template,
				io.yardstick.dsl.kpi.Model.class);
		return file == null || file.getName() == null ? template.getName() : file.getName() + "." + template.getName();
	}

	/**
	 * @param packageOverride the package of the class, or null for the template's own package
	 * @throws GeneratorException for a construct the calculator cannot compute, with its position
	 */
	public GeneratedSource generate(Template template, String packageOverride) {
		return generate(new CalculatorModelBuilder().build(template, packageOverride));
	}

	/** The calculator of a plan built already, so that the SQL renderers and the Java one read the same plan. */
	public GeneratedSource generate(CalculatorModel model) {
		String content = JavaNames.restoreText(new CalculatorRenderer(model).render().toString().replace("\r\n", "\n"));
		String qualified = model.packageName().isEmpty() ? model.className()
				: model.packageName() + "." + model.className();
		return new GeneratedSource(qualified, qualified.replace('.', '/') + ".java", content);
	}
}
