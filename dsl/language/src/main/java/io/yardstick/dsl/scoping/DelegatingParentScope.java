package io.yardstick.dsl.scoping;

import com.google.common.collect.Iterables;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;

/** Looks a name up in one scope, and only when that finds nothing, in another. */
final class DelegatingParentScope implements IScope {
	private final IScope first;
	private final IScope then;

	DelegatingParentScope(IScope first, IScope then) {
		this.first = first;
		this.then = then;
	}

	@Override
	public IEObjectDescription getSingleElement(QualifiedName name) {
		IEObjectDescription found = first.getSingleElement(name);
		return found != null ? found : then.getSingleElement(name);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(QualifiedName name) {
		Iterable<IEObjectDescription> found = first.getElements(name);
		return Iterables.isEmpty(found) ? then.getElements(name) : found;
	}

	@Override
	public IEObjectDescription getSingleElement(EObject object) {
		IEObjectDescription found = first.getSingleElement(object);
		return found != null ? found : then.getSingleElement(object);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(EObject object) {
		Iterable<IEObjectDescription> found = first.getElements(object);
		return Iterables.isEmpty(found) ? then.getElements(object) : found;
	}

	@Override
	public Iterable<IEObjectDescription> getAllElements() {
		return Iterables.concat(first.getAllElements(), then.getAllElements());
	}
}
