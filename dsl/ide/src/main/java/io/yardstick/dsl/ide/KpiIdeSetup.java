package io.yardstick.dsl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.yardstick.dsl.KpiRuntimeModule;
import io.yardstick.dsl.KpiStandaloneSetup;
import org.eclipse.xtext.util.Modules2;

/** Sets the language up for the language server: runtime services plus editor services. */
public class KpiIdeSetup extends KpiStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new KpiRuntimeModule(), new KpiIdeModule()));
	}
}
