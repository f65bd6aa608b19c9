package io.yardstick.bench.calc;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of a phase, two ways. {@link #poolPeaks()}: the sum of the heap pools' peak usages (reset at the
 * start of the phase), an upper bound, since eden, survivor and old peak at different moments. {@link
 * #peakBeforeGc()}: the largest heap in use just before a collection during the phase, or at its end; heap in
 * use only falls at a collection, so this is the true peak, to within what the notifications report.
 */
final class Heap {
	private static final List<MemoryPoolMXBean> POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
	private static final AtomicLong BEFORE_GC = new AtomicLong();

	static {
		NotificationListener listener = (notification, handback) -> {
			if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
				return;
			}
			GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
			long used = 0;
			for (MemoryPoolMXBean pool : POOLS) {
				MemoryUsage usage = info.getGcInfo().getMemoryUsageBeforeGc().get(pool.getName());
				if (usage != null) {
					used += usage.getUsed();
				}
			}
			BEFORE_GC.accumulateAndGet(used, Math::max);
		};
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(listener, null, null);
			}
		}
	}

	private Heap() {
	}

	/** Starts a phase. */
	static void reset() {
		for (MemoryPoolMXBean pool : POOLS) {
			pool.resetPeakUsage();
		}
		BEFORE_GC.set(used());
	}

	static long poolPeaks() {
		long peak = 0;
		for (MemoryPoolMXBean pool : POOLS) {
			peak += pool.getPeakUsage().getUsed();
		}
		return peak;
	}

	/**
	 * Largest heap in use before a collection since {@link #reset()}, or now. GC notifications arrive
	 * asynchronously: call {@link #settle()} first.
	 */
	static long peakBeforeGc() {
		return Math.max(BEFORE_GC.get(), used());
	}

	static long used() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	static long max() {
		return Runtime.getRuntime().maxMemory();
	}

	/** Heap in use after full collections: what is reachable. */
	static long usedAfterGc() {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			settle();
			used = Math.min(used, used());
		}
		return used;
	}

	/** Gives the GC notification thread a moment to deliver what is pending. */
	static void settle() {
		try {
			Thread.sleep(50);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
