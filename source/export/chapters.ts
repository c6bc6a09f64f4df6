/** A marker of the recording: its time, label, and its place among the markers (what the player seeks to). */
export type Marker = {readonly time: number; readonly label: string};

/** A chapter of the page's list: a marker, and the markers it holds (a scene's mode switches). */
export type Chapter = Marker & {readonly index: number; readonly within: readonly (Marker & {readonly index: number})[]};

/** The tour labels a scene's marker with its number of the scenes ("5/11 Processos e threads"); a mode switch with the mode. */
const SCENE = /^\d+\/\d+ /;

/**
 * The chapters of the page: with scenes (a tour), the markers of mode switches
 * after a scene are nested under it (the leaderboard's comparison switches
 * through every mode); without (the dashboard, compare), each marker is one.
 */
export function chaptersOf(markers: readonly Marker[]): Chapter[] {
	const chapters: {time: number; label: string; index: number; within: (Marker & {index: number})[]}[] = [];
	for (const [index, marker] of markers.entries()) {
		const parent = chapters.at(-1);
		if (parent && !SCENE.test(marker.label) && SCENE.test(parent.label)) {
			parent.within.push({...marker, index});
		} else {
			chapters.push({...marker, index, within: []});
		}
	}

	return chapters;
}
