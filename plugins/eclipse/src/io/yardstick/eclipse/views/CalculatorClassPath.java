package io.yardstick.eclipse.views;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * The Preview compiles the template's generated calculator with javac, against the class path named by the
 * system property {@code java.class.path} (see the language's CalculatorCompiler), as the CLI runs it. Inside
 * Eclipse that property names only the OSGi launcher, so javac would not find the runtime library the
 * generated code uses. This adds the jars of this bundle's class path (lib/*.jar, extracted to files by the
 * framework when the bundle is a jar) to the property, once, before the first preview.
 */
final class CalculatorClassPath {
	private static boolean done;

	private CalculatorClassPath() {
	}

	static synchronized void ensure() {
		if (done) {
			return;
		}
		done = true;
		Bundle bundle = FrameworkUtil.getBundle(CalculatorClassPath.class);
		if (bundle == null) {
			return;
		}
		String header = bundle.getHeaders().get(Constants.BUNDLE_CLASSPATH);
		if (header == null) {
			return;
		}
		List<String> jars = new ArrayList<>();
		for (String entry : header.split(",")) {
			String name = entry.trim();
			URL url = name.endsWith(".jar") ? bundle.getEntry(name) : null;
			if (url == null) {
				continue;
			}
			try {
				jars.add(new File(FileLocator.toFileURL(url).getPath()).getAbsolutePath());
			} catch (IOException e) {
				// A jar that cannot be extracted: the preview says which class javac did not find.
			}
		}
		Set<String> path = new LinkedHashSet<>();
		String current = System.getProperty("java.class.path", "");
		for (String element : current.split(File.pathSeparator)) {
			if (!element.isEmpty()) {
				path.add(element);
			}
		}
		path.addAll(jars);
		System.setProperty("java.class.path", String.join(File.pathSeparator, path));
	}
}
