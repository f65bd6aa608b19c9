package io.yardstick.dsl.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tarjan's strongly connected components, iterative so that a long chain of derived metrics
 * cannot overflow the stack. Returns only components that contain a cycle: several nodes, or one
 * node with an edge to itself. Linear in nodes plus edges.
 */
final class StronglyConnected {
	private StronglyConnected() {
	}

	static <T> List<Set<T>> components(List<T> nodes, Map<T, List<T>> edges) {
		Map<T, Integer> index = new IdentityHashMap<>();
		Map<T, Integer> lowLink = new IdentityHashMap<>();
		Set<T> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<T> stack = new ArrayDeque<>();
		List<Set<T>> cyclic = new ArrayList<>();
		int counter = 0;
		for (T root : nodes) {
			if (index.containsKey(root)) {
				continue;
			}
			Deque<Frame<T>> work = new ArrayDeque<>();
			work.push(new Frame<>(root, edges.getOrDefault(root, List.of()).iterator()));
			index.put(root, counter);
			lowLink.put(root, counter++);
			stack.push(root);
			onStack.add(root);
			while (!work.isEmpty()) {
				Frame<T> frame = work.peek();
				if (frame.next.hasNext()) {
					T next = frame.next.next();
					if (!edges.containsKey(next)) {
						continue;
					}
					if (!index.containsKey(next)) {
						index.put(next, counter);
						lowLink.put(next, counter++);
						stack.push(next);
						onStack.add(next);
						work.push(new Frame<>(next, edges.getOrDefault(next, List.of()).iterator()));
					} else if (onStack.contains(next)) {
						lowLink.put(frame.node, Math.min(lowLink.get(frame.node), index.get(next)));
					}
					continue;
				}
				work.pop();
				if (!work.isEmpty()) {
					T parent = work.peek().node;
					lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(frame.node)));
				}
				if (lowLink.get(frame.node).equals(index.get(frame.node))) {
					Set<T> component = Collections.newSetFromMap(new IdentityHashMap<>());
					T member;
					do {
						member = stack.pop();
						onStack.remove(member);
						component.add(member);
					} while (member != frame.node);
					boolean selfLoop = edges.getOrDefault(frame.node, List.of()).contains(frame.node);
					if (component.size() > 1 || selfLoop) {
						cyclic.add(component);
					}
				}
			}
		}
		return cyclic;
	}

	private record Frame<T>(T node, Iterator<T> next) {
	}
}
