import {useCallback, useSyncExternalStore} from 'react';
import type {Controller, View} from '../../view/contract.js';

/** The controller's latest View; re-renders when it publishes a new one (it already throttles to the fps). */
export function useView(controller: Controller): View {
	const subscribe = useCallback(
		(onChange: () => void) =>
			controller.subscribe(() => {
				onChange();
			}),
		[controller],
	);
	const read = useCallback(() => controller.getView(), [controller]);
	return useSyncExternalStore(subscribe, read, read);
}
