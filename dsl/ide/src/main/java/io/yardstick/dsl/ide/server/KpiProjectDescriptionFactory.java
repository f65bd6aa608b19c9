package io.yardstick.dsl.ide.server;

import java.util.List;
import org.eclipse.xtext.ide.server.IProjectDescriptionFactory;
import org.eclipse.xtext.resource.impl.ProjectDescription;
import org.eclipse.xtext.workspace.IProjectConfig;

/**
 * A project sees its own files and those of the projects it depends on. The project of a file opened outside
 * every folder depends on the workspace folders' project, so that what it imports from there resolves; the
 * workspace project depends on nothing, so a loose file never changes what the workspace's files mean.
 */
public class KpiProjectDescriptionFactory implements IProjectDescriptionFactory {

	@Override
	public ProjectDescription getProjectDescription(IProjectConfig config) {
		ProjectDescription description = new ProjectDescription();
		description.setName(config.getName());
		String visible = KpiWorkspaceManager.visibleProject(config);
		if (visible != null) {
			description.setDependencies(List.of(visible));
		}
		return description;
	}
}
