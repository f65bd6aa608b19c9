package io.yardstick.notify;

import java.util.List;

/**
 * What one message tells: the new alerts of a run of a template, and where its report is.
 *
 * @param template the template's label in the language
 * @param period the latest period, the one the alerts are about
 * @param report a link to report.html, or its path
 */
public record Notification(String language, String template, String period, String report, List<Notice> notices) {
	public Notification {
		language = NotifyTexts.language(language);
		notices = List.copyOf(notices);
	}

	/** The same message about other alerts. */
	Notification with(List<Notice> others) {
		return new Notification(language, template, period, report, others);
	}

	long count(String kind) {
		return notices.stream().filter(n -> n.alert().kind().equals(kind)).count();
	}

	/** "Standard after-sales service: 3 new alerts for 2026-06". */
	String title() {
		return NotifyTexts.plural(language, "title", notices.size(), template, period);
	}

	/** "1 critical, 2 warning". */
	String counts() {
		return NotifyTexts.format(language, "counts", count("critical"), count("warning"));
	}

	/** One line per alert, as plain text. */
	String line(Notice notice) {
		return NotifyTexts.format(language, "line", kind(notice), notice.metricLabel(), notice.groupText(),
				notice.alert().period(), notice.display(), notice.rule(), notice.target());
	}

	String kind(Notice notice) {
		return NotifyTexts.format(language, "kind." + notice.alert().kind());
	}

	String more(int count) {
		return NotifyTexts.format(language, "more", count);
	}

	String reportLine() {
		return NotifyTexts.format(language, "report", report);
	}

	/** The whole message as plain text: title, counts, a line per alert, the report. */
	String text() {
		StringBuilder text = new StringBuilder(title()).append('\n').append(counts()).append("\n\n");
		notices.forEach(notice -> text.append(line(notice)).append('\n'));
		return text.append('\n').append(reportLine()).append('\n').toString();
	}
}
