package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.views.CausalLayout.Box;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CausalLinksViewTest {
	private Shell shell;

	@AfterEach
	void closeShell() {
		if (shell != null) {
			shell.dispose();
		}
	}

	private CausalLinksView open(TemplateInput input, int width, int height) {
		shell = Swt.shell("Causal Links", width, height);
		CausalLinksView view = new CausalLinksView(shell, SWT.NONE);
		view.setInput(input);
		shell.open();
		Swt.pump();
		return view;
	}

	@Test
	void clickingANodeSelectsItAndTellsTheListener() {
		CausalLinksView view = open(Fixtures.afterSales(), 1240, 640);
		List<String> selected = new ArrayList<>();
		List<String> opened = new ArrayList<>();
		view.setMetricSelectionListener(metric -> selected.add(metric.getName()));
		view.setMetricOpenListener(metric -> opened.add(metric.getName()));

		Box csat = view.getCausalLayout().node("csat").box();
		click(view, SWT.MouseDown, csat.centreX(), csat.centreY());
		assertThat(selected).containsExactly("csat");
		assertThat(view.getSelectedMetric()).isEqualTo("csat");
		click(view, SWT.MouseDoubleClick, csat.centreX(), csat.centreY());
		assertThat(opened).containsExactly("csat");

		click(view, SWT.MouseDown, csat.x() - 5, csat.y() - 5);
		assertThat(selected).as("empty space tells nobody").containsExactly("csat");
		assertThat(view.getSelectedMetric()).isNull();

		view.setSelectedMetric("churnRate");
		view.selectLoop("complaintToChurn");
		assertThat(view.getSelectedLoop()).isEqualTo("complaintToChurn");
		assertThat(view.getMessage()).isEqualTo("10 metrics, 8 links, 3 loops");
		Swt.screenshot(shell, "causal-links");
	}

	/** The layout is computed for the canvas's width, so the painted nodes are where the click lands. */
	@Test
	void theLayoutFollowsTheViewsWidth() {
		CausalLinksView view = open(Fixtures.afterSales(), 1400, 600);
		int wide = view.getCausalLayout().width();
		assertThat(wide).isEqualTo(view.getCanvas().getSize().x);
		shell.setSize(1240, 600);
		Swt.pump();
		assertThat(view.getCausalLayout().width()).isLessThan(wide);
	}

	@Test
	void findingsShowOnTheGraph() {
		CausalLinksView view = open(Fixtures.wrong("link-polarity-contradiction"), 900, 500);
		assertThat(view.getMessage()).isEqualTo("3 metrics, 2 links, 0 loops; findings: 1 polarity, 0 orphan, 0 unreached");
		Swt.screenshot(shell, "causal-links-findings");
	}

	@Test
	void anUnusableInputShowsItsProblem() {
		CausalLinksView view = open(TemplateInput.load(Fixtures.AFTER_SALES.resolve("nowhere")), 600, 300);
		assertThat(view.getMessage()).startsWith("no such folder: ");
		click(view, SWT.MouseDown, 50, 50);
		assertThat(view.getSelectedMetric()).isNull();
	}

	private static void click(CausalLinksView view, int type, int x, int y) {
		Event event = new Event();
		event.x = x;
		event.y = y;
		event.button = 1;
		view.getCanvas().notifyListeners(type, event);
	}

}
