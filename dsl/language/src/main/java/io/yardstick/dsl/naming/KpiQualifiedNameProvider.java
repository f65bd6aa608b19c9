package io.yardstick.dsl.naming;

import io.yardstick.dsl.kpi.Metric;
import io.yardstick.dsl.kpi.Template;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

/**
 * Names follow the default package.Template.member scheme, except that a metric is named by its
 * template, not its layer: {@code aftersales.standard.StandardAfterSales.csat}. Moving a metric to
 * another layer must not break the links and formulas that name it.
 */
public class KpiQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {

	protected QualifiedName qualifiedName(Metric metric) {
		if (metric.getName() == null) {
			return null;
		}
		Template template = EcoreUtil2.getContainerOfType(metric, Template.class);
		QualifiedName templateName = template == null ? null : getFullyQualifiedName(template);
		QualifiedName simple = getConverter().toQualifiedName(metric.getName());
		return templateName == null ? simple : templateName.append(simple);
	}
}
