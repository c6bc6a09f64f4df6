import {useCallback, useEffect, useState, useSyncExternalStore} from 'react';
import type {TourDriver, TourView} from './tour-driver.js';

/** The driver's latest TourView; re-renders when it publishes a new one. */
export function useTour(driver: TourDriver): TourView {
	const subscribe = useCallback((onChange: () => void) => driver.subscribe(() => {
		onChange();
	}), [driver]);
	const read = useCallback(() => driver.getTour(), [driver]);
	return useSyncExternalStore(subscribe, read, read);
}

/** The wall clock, ticking every `ms` while `active` (the autoplay countdown). */
export function useClock(active: boolean, ms = 250): number {
	const [now, setNow] = useState(Date.now());
	useEffect(() => {
		if (!active) {
			return undefined;
		}

		const id = setInterval(() => {
			setNow(Date.now());
		}, ms);
		return () => {
			clearInterval(id);
		};
	}, [active, ms]);
	return now;
}
