package io.yardstick.dsl.ide.server;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import org.eclipse.xtext.ide.server.IProjectDescriptionFactory;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.WorkspaceManager;
import org.eclipse.lsp4j.services.LanguageServer;

/** Xtext's server module with Yardstick's language server, workspace manager and project descriptions. */
public final class KpiServerModule {

	private KpiServerModule() {
	}

	public static Module create() {
		return Modules.override(new ServerModule()).with(new AbstractModule() {
			@Override
			protected void configure() {
				bind(LanguageServer.class).to(KpiLanguageServer.class);
				bind(LanguageServerImpl.class).to(KpiLanguageServer.class);
				bind(WorkspaceManager.class).to(KpiWorkspaceManager.class);
				bind(IProjectDescriptionFactory.class).to(KpiProjectDescriptionFactory.class);
			}
		});
	}
}
