import {readFileSync} from 'node:fs';
import type {RunConfig} from '../config/config.js';
import {factsOf, isThreaded} from '../config/modes.js';

/** What a Node process holds open before any connection: stdio, its loop, pipes to its children (measured: 24–32). */
const BASE_FILES = 40;
/** What each worker thread adds: its own loop, wake-up descriptors and message ports (measured: about 6). */
const FILES_PER_THREAD = 8;
/** What each lane process costs the main one: its IPC channel and pipes. */
const FILES_PER_CHILD = 4;

export type OpenFiles = {
	/** Open files the busiest process of the run needs, about. */
	readonly files: number;
	/** Which process that is. */
	readonly where: 'main' | 'lane' | 'server';
};

/**
 * The open files a run needs in its busiest process (docs/architecture.md,
 * "When the system says no"): each connection is a socket in the lane that
 * opens it and another in the embedded server, which holds every lane's;
 * each worker thread and lane process costs a few more.
 */
export function openFilesNeeded(config: Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests' | 'target'>): OpenFiles {
	const facts = factsOf(config.mode);
	const perLane = facts.lane === 'loop' ? Math.min(config.concurrency, config.requests) : 1;
	const threadsPerProcess = isThreaded(facts) ? (facts.pool === 'processes' ? config.threads : config.workers) : 1;
	const processes = facts.pool === 'processes' ? config.workers : 1;
	const connections = Math.min(config.requests, processes * threadsPerProcess * perLane);
	const inProcess = Math.min(connections, threadsPerProcess * perLane) + BASE_FILES + FILES_PER_THREAD * threadsPerProcess;
	const main = facts.pool === 'processes' ? BASE_FILES + FILES_PER_CHILD * processes + FILES_PER_THREAD : inProcess;
	const candidates: OpenFiles[] = [
		{files: main, where: 'main'},
		...(facts.pool === 'processes' ? [{files: inProcess, where: 'lane' as const}] : []),
		...(config.target.kind === 'embedded' ? [{files: connections + BASE_FILES, where: 'server' as const}] : []),
	];
	return candidates.reduce((a, b) => (b.files > a.files ? b : a));
}

/**
 * The soft limit on open files of this process (Linux: /proc/self/limits;
 * Node raises it to the hard limit as it starts, so it is what a shell's
 * `ulimit -n` allows); undefined where it can't be read.
 */
export function openFileLimit(): number | undefined {
	try {
		const line = /^Max open files\s+(\d+|unlimited)\s+/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
		return line === undefined || line === 'unlimited' ? undefined : Number(line);
	} catch {
		return undefined;
	}
}

/** A limit to suggest: the next power of two at or above what is needed, 4,096 at least. */
const suggestion = (files: number): number => Math.max(4096, 2 ** Math.ceil(Math.log2(files)));

/**
 * Why the run cannot be made with this limit on open files, in one line
 * (with what to do), or undefined when it fits.
 */
export function openFilesWhy(config: Parameters<typeof openFilesNeeded>[0], limit = openFileLimit(), format = (n: number): string => n.toLocaleString('en-US')): string | undefined {
	if (limit === undefined) {
		return undefined;
	}

	const {files, where} = openFilesNeeded(config);
	if (files <= limit) {
		return undefined;
	}

	const facts = factsOf(config.mode);
	const loop = facts.lane === 'loop';
	const processes = facts.pool === 'processes';
	const setting = loop
		? `${processes ? `P·C=${format(config.workers * config.concurrency)}` : `C=${format(config.concurrency)}`} needs`
		: (isThreaded(facts) && processes ? `P·Th=${format(config.workers * config.threads)} needs` : `${format(config.workers)} ${processes ? 'processes' : 'threads'} need`);
	const lower = loop ? (processes ? 'lower -c or -p' : 'lower -c') : (isThreaded(facts) && processes ? 'lower -p or --threads' : 'lower -p');
	const whose = where === 'server' ? ' (the embedded server holds every connection)' : '';
	return `${setting} about ${format(files)} open files${whose}; this shell allows ${format(limit)}: run ulimit -n ${suggestion(files)}, or ${lower}`;
}
