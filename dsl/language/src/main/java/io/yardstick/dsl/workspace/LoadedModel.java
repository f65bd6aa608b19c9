package io.yardstick.dsl.workspace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

/** The files of one model, loaded into one resource set, by the name the user knows each file by. */
public final class LoadedModel {
	private final XtextResourceSet resourceSet;
	private final Map<String, Resource> resources = new LinkedHashMap<>();
	private final List<Finding> loadFindings = new ArrayList<>();

	LoadedModel(XtextResourceSet resourceSet) {
		this.resourceSet = resourceSet;
	}

	void add(String name, Resource resource) {
		resources.put(name, resource);
	}

	public XtextResourceSet resourceSet() {
		return resourceSet;
	}

	public List<String> names() {
		return Collections.unmodifiableList(new ArrayList<>(resources.keySet()));
	}

	public Resource resource(String name) {
		Resource resource = resources.get(name);
		if (resource == null) {
			throw new IllegalArgumentException("no file " + name + " in this model");
		}
		return resource;
	}

	/** The name a resource of this model was loaded under, or "?" for one it does not hold. */
	public String nameOf(Resource resource) {
		for (Map.Entry<String, Resource> entry : resources.entrySet()) {
			if (entry.getValue() == resource) {
				return entry.getKey();
			}
		}
		return "?";
	}

	/** Files that could not be loaded at all, each as an internal-error finding. */
	List<Finding> loadFindings() {
		return loadFindings;
	}
}
