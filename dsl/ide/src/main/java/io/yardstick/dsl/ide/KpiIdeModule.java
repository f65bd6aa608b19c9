package io.yardstick.dsl.ide;

/** Editor services of the language server; the generated base binds content assist and the LSP defaults. */
public class KpiIdeModule extends AbstractKpiIdeModule {
}
