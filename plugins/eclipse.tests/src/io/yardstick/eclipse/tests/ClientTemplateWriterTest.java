package io.yardstick.eclipse.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yardstick.dsl.formatting.TemplateFormatter;
import io.yardstick.eclipse.KpiLanguage;
import io.yardstick.dsl.clienttemplate.ClientTemplateWriter;
import io.yardstick.eclipse.wizard.TemplateCatalog;
import io.yardstick.dsl.clienttemplate.TemplateChoice;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The wizard's text, without the wizard: the bundled library lists the industry templates, and the
 * client file written for each is canonical, valid, and stays valid with its skeleton uncommented.
 */
class ClientTemplateWriterTest {
	private static final String AFTER_SALES = "aftersales.standard.StandardAfterSales";

	@Test
	void theBundledLibraryListsTheIndustryTemplatesOnly() {
		List<TemplateChoice> library = TemplateCatalog.library();
		Set<String> names = library.stream().map(TemplateChoice::qualifiedName).collect(Collectors.toSet());
		assertTrue(names.contains(AFTER_SALES), names::toString);
		assertEquals(5, library.size(), names::toString);
		assertFalse(names.stream().anyMatch(name -> name.contains("Acme")), "the client template is not an industry template: " + names);
		TemplateChoice afterSales = choice(AFTER_SALES);
		assertEquals("Standard after-sales service", afterSales.enLabel());
		assertEquals("标准售后服务模板", afterSales.zhLabel());
		assertEquals(Set.of("after-sales.kpi", "after-sales.tests.kpi", "customers.kpi", "README.md"),
				afterSales.files().keySet());
		assertTrue(library.stream().allMatch(choice -> !choice.enLabel().isEmpty() && !choice.description().isEmpty()),
				"every industry template has an English label and a description");
	}

	@Test
	void everyIndustryTemplatesClientIsCanonicalAndValidAlsoUncommented() throws IOException {
		for (TemplateChoice industry : TemplateCatalog.library()) {
			String text = ClientTemplateWriter.write(new ClientTemplateWriter.Client("clients.globex", "Globex",
					"Globex 客户", "Globex \"Ltd\"", industry.qualifiedName(), industry.title(), industry.examples()));
			XtextResource client = load(industry, text);
			assertEquals(List.of(), errors(client), industry.qualifiedName() + ":\n" + text);
			assertEquals(text, KpiLanguage.injector().getInstance(TemplateFormatter.class).format(client),
					"the formatter leaves the client file as it is");

			String uncommented = text.replace("\t// layer ", "\tlayer ").replace("\t// exclude ", "\texclude ")
					.replace("\t// extend ", "\textend ");
			assertNotEquals(text, uncommented);
			assertEquals(List.of(), errors(load(industry, uncommented)),
					"the skeleton's examples name what " + industry.qualifiedName() + " has:\n" + uncommented);
		}
	}

	@Test
	void theClientFileExtendsTheIndustryTemplateByItsQualifiedName() {
		TemplateChoice afterSales = choice(AFTER_SALES);
		String text = ClientTemplateWriter.write(new ClientTemplateWriter.Client("aftersales.globex", "Globex", "", "Globex",
				AFTER_SALES, afterSales.title(), afterSales.examples()));
		assertTrue(text.contains("package aftersales.globex\n"), text);
		assertTrue(text.contains("template Globex \"Globex\"@en extends aftersales.standard.StandardAfterSales {\n"), text);
		assertTrue(text.contains("// layer management { override metric csat : score(1..5) higher-is-better { target >= 4.2 } }"), text);
		assertTrue(text.contains("// extend source Ticket {"), text);
	}

	@Test
	void namesAreCheckedAgainstTheGrammar() {
		Set<String> reserved = TemplateCatalog.reservedWords();
		assertTrue(reserved.contains("template"), "template is a keyword");
		assertFalse(reserved.contains("client"), "client may name things (ValidID)");
		assertNull(ClientTemplateWriter.nameProblem("Globex", reserved));
		assertNull(ClientTemplateWriter.nameProblem("client", reserved));
		assertTrue(ClientTemplateWriter.nameProblem("template", reserved).contains("keyword"));
		assertTrue(ClientTemplateWriter.nameProblem("Globex Ltd", reserved).contains("not a valid name"));
		assertTrue(ClientTemplateWriter.nameProblem("1st", reserved).contains("not a valid name"));
		assertNotNull(ClientTemplateWriter.nameProblem("", reserved));
		assertNull(ClientTemplateWriter.packageProblem("aftersales.globex", reserved));
		assertNull(ClientTemplateWriter.packageProblem("", reserved));
		assertNotNull(ClientTemplateWriter.packageProblem("aftersales..globex", reserved));
		assertNotNull(ClientTemplateWriter.packageProblem("after-sales", reserved));
		assertEquals("aftersales.globex", ClientTemplateWriter.packageFor(AFTER_SALES, "Globex"));
		assertEquals("globex.kpi", ClientTemplateWriter.fileName("Globex"));
	}

	private static void assertNotEquals(String a, String b) {
		assertFalse(a.equals(b), "the skeleton has lines to uncomment");
	}

	private static TemplateChoice choice(String qualifiedName) {
		return TemplateCatalog.library().stream().filter(c -> c.qualifiedName().equals(qualifiedName)).findFirst()
				.orElseThrow();
	}

	/** The client text in one resource set with the industry template's files, as in a project. */
	private static XtextResource load(TemplateChoice industry, String clientText) throws IOException {
		XtextResourceSet set = KpiLanguage.injector().getInstance(XtextResourceSet.class);
		for (Map.Entry<String, byte[]> file : industry.files().entrySet()) {
			if (file.getKey().endsWith(".kpi")) {
				set.createResource(URI.createURI("test:/" + industry.folder() + "/" + file.getKey()))
						.load(new ByteArrayInputStream(file.getValue()), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
			}
		}
		XtextResource client = (XtextResource) set.createResource(URI.createURI("test:/client/globex.kpi"));
		client.load(new ByteArrayInputStream(clientText.getBytes(StandardCharsets.UTF_8)),
				Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		return client;
	}

	private static List<String> errors(XtextResource resource) {
		List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator().validate(resource,
				CheckMode.ALL, CancelIndicator.NullImpl);
		return issues.stream().filter(issue -> issue.getSeverity() == Severity.ERROR)
				.map(issue -> issue.getLineNumber() + ": " + issue.getCode() + " " + issue.getMessage()).toList();
	}
}
