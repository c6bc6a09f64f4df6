import type {ReplayOptions} from './format.js';
import {formatSummaryTable} from '../reporters/plain.js';
import {readSave, SaveError} from './reader.js';
import {replayResults} from './replay-json.js';

/**
 * `concviz replay FILE`: the saved runs folded again. With --json (or a
 * stdout that is not a terminal) the result each run printed; on a terminal
 * the dashboard plays them. A file cut short plays up to where it ends and
 * says so; one that is not a save, newer or corrupt is one line, exit 2.
 */
export async function runReplay(options: ReplayOptions, stdout: NodeJS.WriteStream, stderr: NodeJS.WritableStream): Promise<number> {
	const path = options.replayFile!;
	const recording = readSave(path);
	if (!options.config.json && stdout.isTTY) {
		const {playReplay} = await import('./play-replay.js');
		return playReplay(recording, options);
	}

	const {json, results, unfinished} = replayResults(recording);
	const text = options.config.json ? json : results.length > 0 ? formatSummaryTable(results) : '';
	await new Promise<void>((resolve) => {
		stdout.write(text, () => resolve());
	});
	if (unfinished > 0) {
		const last = recording.runs.at(-1)!;
		throw new SaveError(`replay: ${path} was cut short in its run ${recording.runs.length} (${last.start.info.mode}): ${results.length} of ${recording.runs.length} runs have a result`);
	}

	if (recording.end === null) {
		stderr.write(`concviz: replay: ${path} was cut short after its last run ended (the session was not closed)\n`);
	}

	return 0;
}
