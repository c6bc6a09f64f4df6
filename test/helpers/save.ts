import {createWriteStream} from 'node:fs';
import {cpus} from 'node:os';
import type {RunConfig} from '../../source/config/config.js';
import {runInfoOf} from '../../source/model/run-info.js';
import {savedConfig} from '../../source/replay/format.js';
import {createSaveWriter} from '../../source/replay/writer.js';
import {sample, state, taskEnd, taskStart, workerUp} from './events.js';

export const CONFIG: RunConfig = {
	mode: 'threads', work: 'io', requests: 40, target: {kind: 'embedded'}, latency: 100, jitter: 0, workers: 2, threads: 1,
	concurrency: 10, cpuMs: 10, timeout: 10_000, gil: false, failRate: 0, bodyBytes: 1024, seed: 1, fps: 10, color: false, json: true, record: undefined,
};

/**
 * A small saved session made by the writer from hand-made actions: `runs` runs of 40 tasks on two
 * lanes, 100 ms apart, a frame every 100 ms (so each run lasts about 2 s). Resolves with the file's path.
 */
export async function writeSmallSave(path: string, runs = 1): Promise<string> {
	const file = createWriteStream(path);
	const writer = createSaveWriter(file, {recordedAt: Date.UTC(2026, 0, 2, 3, 4), command: 'run', cores: cpus().length, config: savedConfig(CONFIG), lang: 'en'});
	let t = 1_760_000_000_000;
	for (let id = 1; id <= runs; id++) {
		const info = runInfoOf(id, {...CONFIG, mode: id % 2 === 1 ? 'threads' : 'sequential'});
		writer.started({info, t, cores: 2, lagMs: 150, calibration: undefined, clientCost: undefined});
		writer.action(id, {type: 'startup', startupMs: 12.5, t: t + 10, cost: undefined});
		writer.action(id, {type: 'events', events: [workerUp({worker: 0, t: t + 5}), workerUp({worker: 1, t: t + 6})]});
		for (let i = 0; i < 20; i++) {
			const at = t + 20 + i * 100;
			writer.action(id, {type: 'events', events: [
				taskStart({worker: 0, task: 2 * i, t: at}), taskStart({worker: 1, task: 2 * i + 1, t: at + 1}),
				state({worker: 0, t: at, state: 'io'}), sample({worker: 0, t: at + 2, cpuMs: 1.5, elu: 0.25, rssBytes: 50e6}),
				taskEnd({worker: 0, task: 2 * i, t: at + 99, latencyMs: 99 - (i % 7)}),
				taskEnd({worker: 1, task: 2 * i + 1, t: at + 99.5, latencyMs: 98.5, ...(i === 3 ? {outcome: 'failed', status: 500, reason: 'status 500'} : {})}),
			]});
			writer.action(id, {type: 'cpu', t: at + 100, perCore: [0.25, 0.5], main: {pid: 1, rssBytes: 80e6}});
			writer.action(id, {type: 'frame', t: at + 100});
		}

		t += 2100;
		writer.action(id, {type: 'cpu', t, perCore: [0.2, 0.4], last: true});
		writer.action(id, {type: 'frame', t});
		writer.action(id, {type: 'status', status: 'done', t});
		writer.action(id, {type: 'frame', t: t + 50});
		t += 500;
	}

	await writer.close(t);

	return path;
}
