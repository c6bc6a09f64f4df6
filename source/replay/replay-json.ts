import type {MetricsAction} from '../metrics/reducer.js';
import type {RunResult} from '../metrics/snapshot.js';
import {formatJson} from '../reporters/json.js';
import {BadBlock, unpack} from './block.js';
import {inflate, SaveError, type Recording, type SavedRun} from './reader.js';
import {startFold, step, type RunFold} from './fold.js';

/** Every action of a saved run, block by block, in the order its reducer took them. */
export function* actionsOf(recording: Recording, run: SavedRun): Generator<MetricsAction> {
	for (const block of run.blocks) {
		yield* unpackChecked(recording, block);
	}
}

/** A block's actions; a block that does not unpack is a corrupt file (one line). */
export function unpackChecked(recording: Recording, block: Buffer): MetricsAction[] {
	try {
		return unpack(inflate(recording.path, block)).actions;
	} catch (error) {
		if (error instanceof BadBlock) {
			throw new SaveError(`replay: ${recording.path} is corrupt (${error.message})`);
		}

		throw error;
	}
}

/** A saved run folded to its end. */
export function foldRun(recording: Recording, run: SavedRun): RunFold {
	const fold = startFold(run.start);
	for (const action of actionsOf(recording, run)) {
		try {
			step(fold, action);
		} catch {
			throw new SaveError(`replay: ${recording.path} is corrupt (an action its run cannot take)`);
		}
	}

	return fold;
}

/** What `replay FILE --json` prints: the result each run printed (an array for compare or several runs), and how the file ends. */
export function replayResults(recording: Recording): {json: string; results: RunResult[]; unfinished: number} {
	const results: RunResult[] = [];
	let unfinished = 0;
	for (const run of recording.runs) {
		const {result} = foldRun(recording, run);
		if (result) {
			results.push(result);
		} else {
			unfinished++;
		}
	}

	const many = recording.header.command === 'compare' || results.length !== 1;
	return {json: results.length === 0 && !many ? '' : formatJson(many ? results : results[0]!), results, unfinished};
}
