package io.yardstick.dsl;

/** Sets the language up outside Eclipse: the CLI, tests and benchmarks start here. */
public class KpiStandaloneSetup extends KpiStandaloneSetupGenerated {

	public static void doSetup() {
		new KpiStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
