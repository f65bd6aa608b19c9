package io.yardstick.eclipse.editor;

import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.eclipse.preferences.YardstickPreferences;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.xtext.validation.Issue;

/** Problem markers of a .kpi file, written from the validator's issues. */
public final class KpiMarkers {
	/**
	 * Counts completed validations of a file (a session property): lets a caller wait for the
	 * markers of a given text instead of sleeping. The UI test is such a caller.
	 */
	public static final QualifiedName VALIDATIONS = new QualifiedName("io.yardstick.eclipse", "validations");

	private KpiMarkers() {
	}

	/** Replaces the file's Yardstick markers by the issues, in one workspace operation so views refresh once. */
	public static void replace(IFile file, List<Issue> issues) {
		IWorkspaceRunnable update = monitor -> {
			if (!file.exists()) {
				return;
			}
			file.deleteMarkers(KpiLanguage.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
			for (Issue issue : issues) {
				// The user's severity for the issue's code (Preferences > Yardstick); null means ignore: no marker.
				Integer severity = YardstickPreferences.markerSeverity(issue.getCode(), issue.getSeverity());
				if (severity != null) {
					file.createMarker(KpiLanguage.PROBLEM_MARKER, attributes(issue, severity));
				}
			}
			Object count = file.getSessionProperty(VALIDATIONS);
			file.setSessionProperty(VALIDATIONS, count instanceof Integer n ? n + 1 : 1);
		};
		try {
			// Scheduling rule: only this file, so a build elsewhere does not block typing.
			ResourcesPlugin.getWorkspace().run(update, file, 0, null);
		} catch (CoreException e) {
			// The file went away or the workspace is closing: there is nothing left to mark.
		}
	}

	/** How many validations of the file have finished since the workbench started. */
	public static int validations(IFile file) {
		try {
			return file.getSessionProperty(VALIDATIONS) instanceof Integer n ? n : 0;
		} catch (CoreException e) {
			return 0;
		}
	}

	private static Map<String, Object> attributes(Issue issue, int severity) {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.SEVERITY, severity);
		attributes.put(IMarker.MESSAGE, issue.getMessage());
		if (issue.getLineNumber() != null) {
			attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
		}
		if (issue.getOffset() != null && issue.getLength() != null) {
			attributes.put(IMarker.CHAR_START, issue.getOffset());
			attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
		}
		if (issue.getCode() != null) {
			attributes.put(KpiLanguage.ISSUE_CODE, issue.getCode());
		}
		if (issue.getData() != null && issue.getData().length > 0) {
			// The quick fixes (quickfix.KpiMarkerResolutionGenerator) read the replacement from here.
			attributes.put(KpiLanguage.ISSUE_DATA, String.join("\u0000", issue.getData()));
		}
		attributes.put(IMarker.SOURCE_ID, "Yardstick");
		return attributes;
	}
}
