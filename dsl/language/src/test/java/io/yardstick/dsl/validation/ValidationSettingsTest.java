package io.yardstick.dsl.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.yardstick.dsl.KpiStandaloneSetup;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The default core-limit is a setting of the injector: an IDE may change it, and a template's own
 * core-limit still wins. The shared quick-fix titles live beside the data they describe.
 */
class ValidationSettingsTest {
	/** Three core metrics in one layer: within the default limit of 5, over a limit of 2. */
	private static final String THREE_CORE = """
			package fixture.settings

			template Settings {
				source Ticket {
					key id: text
					createdAt: timestamp time
					contacts: count
				}
				layer execution {
					metric tickets : count higher-is-better {
						= count(Ticket)
					}
					metric contacts : count lower-is-better {
						= sum(Ticket.contacts)
					}
					metric contactsPerTicket : number lower-is-better {
						= avg(Ticket.contacts)
					}
				}
				link tickets -> contacts : positive
				link contacts -> contactsPerTicket : positive
			}
			""";

	@Test
	void theDefaultCoreLimitAppliesToTemplatesWithoutOne() throws IOException {
		// Another injector first, as in the whole suite: EMF's global validator registry keeps its checks.
		new KpiStandaloneSetup().createInjectorAndDoEMFRegistration();
		Injector injector = new KpiStandaloneSetup().createInjectorAndDoEMFRegistration();
		ValidationSettings settings = injector.getInstance(ValidationSettings.class);
		assertThat(settings.defaultCoreLimit()).isEqualTo(TemplateValidator.DEFAULT_CORE_LIMIT).isEqualTo(5);
		assertThat(coreLimitFindings(injector, THREE_CORE)).isEmpty();

		settings.setDefaultCoreLimit(2);
		assertThat(injector.getInstance(ValidationSettings.class)).as("one settings object per injector").isSameAs(settings);
		List<Issue> over = coreLimitFindings(injector, THREE_CORE);
		assertThat(over).hasSize(1);
		assertThat(over.get(0).getMessage()).contains("3 core metrics, more than the core-limit of 2");

		// A template's own core-limit is not overridden by the host's default.
		assertThat(coreLimitFindings(injector,
				THREE_CORE.replace("template Settings {", "template Settings {\n\tcore-limit 3"))).isEmpty();
	}

	@Test
	void aDefaultBelowOneIsRefused() {
		ValidationSettings settings = new ValidationSettings();
		assertThatThrownBy(() -> settings.setDefaultCoreLimit(0)).isInstanceOf(IllegalArgumentException.class);
		assertThat(settings.defaultCoreLimit()).isEqualTo(5);
	}

	@Test
	void fixTitlesNameTheReplacement() {
		assertThat(QuickFixData.title(IssueCodes.UNKNOWN_FUNCTION, "avg")).isEqualTo("Call `avg`");
		assertThat(QuickFixData.title(IssueCodes.UNRESOLVED_REFERENCE, "segment")).isEqualTo("Change to `segment`");
		assertThat(QuickFixData.isFixable(IssueCodes.UNKNOWN_FUNCTION)).isTrue();
		assertThat(QuickFixData.isFixable(IssueCodes.CORE_LIMIT_EXCEEDED)).isFalse();
		assertThat(QuickFixData.title(IssueCodes.CORE_LIMIT_EXCEEDED, "x")).isNull();
		assertThat(QuickFixData.title(IssueCodes.UNKNOWN_FUNCTION, null)).isNull();
	}

	private static List<Issue> coreLimitFindings(Injector injector, String text) throws IOException {
		// Made by this injector, not through EMF's global factory registry, which the suite's other injectors share.
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = injector.getInstance(XtextResource.class);
		resource.setURI(URI.createURI("memory:/settings.kpi"));
		set.getResources().add(resource);
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
		assertThat(issues).as("the fixture has no errors").noneMatch(issue -> issue.getSeverity() == Severity.ERROR);
		return issues.stream().filter(issue -> IssueCodes.CORE_LIMIT_EXCEEDED.equals(issue.getCode())).toList();
	}
}
