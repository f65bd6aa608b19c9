package io.yardstick.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.runtime.results.Results;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PreviewViewTest {
	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
	private Shell shell;

	@AfterEach
	void closeShell() {
		if (shell != null) {
			shell.dispose();
		}
	}

	private PreviewView view(int width, int height) {
		shell = Swt.shell("Preview", width, height);
		PreviewView view = new PreviewView(shell, SWT.NONE);
		shell.open();
		return view;
	}

	@Test
	void runningInTheBackgroundFillsTheTableAndTellsTheListener() {
		PreviewView view = view(900, 560);
		List<Results> told = new ArrayList<>();
		view.setResultsListener(told::add);
		view.setInput(Fixtures.afterSales(), null);
		assertThat(view.getRunButton().isEnabled()).isTrue();
		view.getRunButton().notifyListeners(SWT.Selection, null);
		assertThat(view.isRunning()).as("the run goes on after the click returns").isTrue();
		assertThat(view.getCancelButton().isEnabled()).isTrue();
		Swt.pumpUntil(() -> !view.isRunning(), RUN_TIMEOUT, "the preview");

		assertThat(view.getMessage()).isEqualTo("Computed 10 metrics over 18 months (2025-01 to 2026-06).");
		assertThat(told).hasSize(1).containsExactly(view.getResults());
		assertThat(view.getProgressBar().getSelection()).isEqualTo(view.getProgressBar().getMaximum());
		assertThat(view.getBreakdown()).isEqualTo("total");
		Table table = view.getViewer().getTable();
		assertThat(table.getItemCount()).isEqualTo(180);
		assertThat(table.getItem(0).getText(PreviewLabelProvider.VALUE)).isEqualTo("2.0%");

		view.setBreakdown("region");
		assertThat(table.getItemCount()).isEqualTo(10 * 18 * 5);
		assertThat(table.getItem(0).getText(PreviewLabelProvider.GROUP)).isEqualTo("华东");
		Swt.screenshot(shell, "preview");
	}

	/** The worker is held at the start of loading while Cancel is pressed; it then stops without results. */
	@Test
	void cancelStopsTheRun() throws InterruptedException {
		PreviewView view = view(900, 300);
		CountDownLatch atLoading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		view.phaseHook = name -> {
			if (name.equals("loading the sample data")) {
				atLoading.countDown();
				try {
					release.await(1, TimeUnit.MINUTES);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		};
		view.setInput(Fixtures.afterSales(), null);
		view.start();
		Swt.pumpUntil(() -> atLoading.getCount() == 0, RUN_TIMEOUT, "the preview to reach loading");
		view.getCancelButton().notifyListeners(SWT.Selection, null);
		assertThat(view.getCancelButton().isEnabled()).isFalse();
		release.countDown();
		Swt.pumpUntil(() -> !view.isRunning(), RUN_TIMEOUT, "the cancelled preview to end");

		assertThat(view.getMessage()).isEqualTo("Preview cancelled.");
		assertThat(view.getResults()).isNull();
		assertThat(view.getViewer().getTable().getItemCount()).isZero();
		assertThat(view.getRunButton().isEnabled()).isTrue();
	}

	/** A new input while a preview runs cancels it, and the old run's end does not overwrite the new view. */
	@Test
	void aNewInputForgetsTheRunningPreview() throws InterruptedException {
		PreviewView view = view(900, 300);
		CountDownLatch atLoading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		view.phaseHook = name -> {
			if (name.equals("loading the sample data")) {
				atLoading.countDown();
				try {
					release.await(1, TimeUnit.MINUTES);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		};
		view.setInput(Fixtures.afterSales(), null);
		view.start();
		Swt.pumpUntil(() -> atLoading.getCount() == 0, RUN_TIMEOUT, "the preview to reach loading");
		Thread worker = Thread.getAllStackTraces().keySet().stream()
				.filter(thread -> thread.getName().equals("yardstick-preview")).findFirst().orElseThrow();
		view.setInput(Fixtures.wrong("orphan-metric"), null);
		String fresh = view.getMessage();
		assertThat(view.isRunning()).isFalse();
		release.countDown();
		worker.join(RUN_TIMEOUT.toMillis());
		assertThat(worker.isAlive()).isFalse();
		Swt.pump();
		assertThat(view.getMessage()).isEqualTo(fresh).doesNotContain("cancelled");
		assertThat(view.getRunButton().isEnabled()).isTrue();
	}

	@Test
	void badInputShowsAMessage() {
		PreviewView view = view(700, 200);
		view.setInput(Fixtures.wrong("unresolved-reference"), null);
		view.start();
		Swt.pumpUntil(() -> !view.isRunning(), RUN_TIMEOUT, "the refused preview");
		assertThat(view.getMessage()).startsWith("Not run: the template has 10 errors");
		view.setInput(TemplateInput.load(Fixtures.AFTER_SALES.resolve("nowhere")), null);
		assertThat(view.getRunButton().isEnabled()).isFalse();
		assertThat(view.getMessage()).startsWith("no such folder: ");
		Swt.screenshot(shell, "preview-bad-input");
	}
}
