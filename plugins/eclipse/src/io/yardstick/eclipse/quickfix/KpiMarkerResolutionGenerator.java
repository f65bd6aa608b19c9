package io.yardstick.eclipse.quickfix;

import io.yardstick.dsl.validation.QuickFixData;
import io.yardstick.eclipse.KpiLanguage;
import org.eclipse.core.resources.IMarker;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;

/**
 * Quick fixes of the editor's problem markers (Problems view, ruler, Ctrl+1 in the editor): a marker
 * whose code is fixable and that carries issue data gets one fix, which writes the data's first
 * string over the marker's range. The title is the language server's: both read QuickFixData.
 */
public class KpiMarkerResolutionGenerator implements IMarkerResolutionGenerator2 {
	private static final IMarkerResolution[] NONE = new IMarkerResolution[0];

	@Override
	public boolean hasResolutions(IMarker marker) {
		return title(marker) != null;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		String title = title(marker);
		return title == null ? NONE : new IMarkerResolution[] { new ReplaceResolution(title, replacement(marker)) };
	}

	private static String title(IMarker marker) {
		if (marker.getAttribute(IMarker.CHAR_START, -1) < 0 || marker.getAttribute(IMarker.CHAR_END, -1) < 0) {
			return null;
		}
		return QuickFixData.title(marker.getAttribute(KpiLanguage.ISSUE_CODE, null), replacement(marker));
	}

	/** The first data string: KpiMarkers joins an issue's data with NUL. */
	static String replacement(IMarker marker) {
		String data = marker.getAttribute(KpiLanguage.ISSUE_DATA, null);
		if (data == null || data.isEmpty()) {
			return null;
		}
		int end = data.indexOf('\u0000');
		return end < 0 ? data : data.substring(0, end);
	}
}
