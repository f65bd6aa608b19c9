package io.yardstick.dsl;

import io.yardstick.dsl.conversion.KpiValueConverters;
import io.yardstick.dsl.formatting.KpiFormatter;
import io.yardstick.dsl.naming.KpiQualifiedNameProvider;
import io.yardstick.dsl.scoping.KpiLinkingDiagnosticMessageProvider;
import io.yardstick.dsl.scoping.KpiSyntaxErrorMessageProvider;
import com.google.inject.Binder;
import com.google.inject.name.Names;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.validation.CompositeEValidator;

/** Binds Yardstick's own services into the Xtext runtime. */
public class KpiRuntimeModule extends AbstractKpiRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return KpiValueConverters.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return KpiQualifiedNameProvider.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return KpiLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return KpiSyntaxErrorMessageProvider.class;
	}

	@Override
	public Class<? extends org.eclipse.xtext.parser.IParser> bindIParser() {
		return io.yardstick.dsl.parser.GuardedKpiParser.class;
	}

	public Class<? extends io.yardstick.dsl.parser.antlr.KpiParser> bindKpiParser() {
		return io.yardstick.dsl.parser.GuardedKpiParser.class;
	}

	public Class<? extends IFormatter2> bindIFormatter2() {
		return KpiFormatter.class;
	}

	/**
	 * EMF's generic EObjectValidator checks multiplicities and data values on every object; the
	 * parser already guarantees what it would check here, and it cost a twentieth of validation.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}
}
