import type {Mode} from '../config/config.js';
import type {Controller, View} from '../view/contract.js';

/** The mode a view is running: the comparison's current one, else the config's; undefined once a comparison is done. */
const modeOfView = (view: View): Mode | undefined => (view.compare ? view.compare.running ?? undefined : view.config.mode);

export type Markers = {
	/** A scene starts (the tour): its label, and the mode it runs (no second marker for that mode). */
	scene(label: string, mode: Mode): void;
	/** Every view: a marker when the mode it runs changes. */
	view(view: View): void;
};

/** Chapters for a recording: one marker per tour scene and one per mode switch. */
export function createMarkers(mark: (label: string) => void, initial?: Mode): Markers {
	let mode: Mode | undefined = initial;
	return {
		scene(label, sceneMode) {
			mode = sceneMode;
			mark(label);
		},
		view(view) {
			const next = modeOfView(view);
			if (next !== undefined && next !== mode) {
				mode = next;
				mark(next);
			}
		},
	};
}

/** Markers written to a recording: one per mode switch of the controller's runs (and per scene, when told). */
export function recordMarkers(controller: Pick<Controller, 'subscribe'>, recorder: {marker(label: string): void}): Markers {
	const markers = createMarkers((label) => {
		recorder.marker(label);
	});
	controller.subscribe((view) => {
		markers.view(view);
	});
	return markers;
}
