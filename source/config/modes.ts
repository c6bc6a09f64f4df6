/**
 * Facts about each concurrency model, one record per mode, in key order
 * (keys 1–6, `MODE_KEYS`). The executors, the model, the UI and the help read them from
 * here; adding a mode is one record (docs/architecture.md, "Facts about a mode").
 */

/** A knob of the talk's formulas: P processes, W threads, Th threads per process, C requests in flight per loop. */
export type Factor = 'P' | 'W' | 'Th' | 'C';

/** Where a mode's lanes live: worker threads of this process, or child processes (with threads inside, or not). */
export type PoolKind = 'threads' | 'processes';

/** blocking: one task at a time, like requests.get; loop: one event loop with up to C in flight. */
export type LaneKind = 'blocking' | 'loop';

/** How the screen names a lane: `main`, `loop`, `t3`, `p1`, or a tree of threads under each process. */
export type LaneLabelKind = 'main' | 'loop' | 'thread' | 'process' | 'tree';

/**
 * What runs a mode's lanes (`--runtime`): Node's worker threads and child
 * processes. Another runtime is one more name here and in the `runtimes` of
 * the records it offers.
 */
export const RUNTIMES = ['node'] as const;
export type Runtime = (typeof RUNTIMES)[number];

export type ModeFacts = {
	readonly mode: string;
	/** The dashboard key that switches to it. */
	readonly key: string;
	readonly pool: PoolKind;
	readonly lane: LaneKind;
	/** The factors whose product is the requests in flight at once (n·T/… in the model); [] for one. */
	readonly inFlight: readonly Factor[];
	/** The factor that counts threads sharing one process (the GIL serialises them), if any. */
	readonly threads?: 'W' | 'Th';
	readonly label: LaneLabelKind;
	/** The runtimes that offer it. */
	readonly runtimes: readonly Runtime[];
	/** What to look for in it, short enough for 80 columns (English; i18n/pt.ts translates it): with I/O work, and with CPU work. */
	readonly lesson: {readonly io: string; readonly cpu: string};
};

const TABLE = [
	{
		mode: 'sequential', key: '1', pool: 'threads', lane: 'blocking', inFlight: [], label: 'main', runtimes: ['node'],
		lesson: {io: 'one lane, mostly ░ waiting; CPU near zero; time ≈ n·T', cpu: 'one lane computing, one core busy; time ≈ n·c'},
	},
	{
		mode: 'processes', key: '2', pool: 'processes', lane: 'blocking', inFlight: ['P'], label: 'process', runtimes: ['node'],
		lesson: {io: 'P lanes, each still waiting; start-up, memory measured; ≈ n·T/P', cpu: 'P lanes computing, every core busy; ≈ n·c/min(P,cores)'},
	},
	{
		mode: 'threads', key: '3', pool: 'threads', lane: 'blocking', inFlight: ['W'], threads: 'W', label: 'thread', runtimes: ['node'],
		lesson: {io: 'W lanes, each waiting; start-up, memory measured; ≈ n·T/W', cpu: 'W lanes computing on every core; with g (GIL) one at a time'},
	},
	{
		mode: 'processes-threads', key: '4', pool: 'processes', lane: 'blocking', inFlight: ['P', 'Th'], threads: 'Th', label: 'tree', runtimes: ['node'],
		lesson: {io: 'P×Th lanes grouped by process; time ≈ n·T/(P·Th)', cpu: 'every core busy; the GIL (g) only serialises within a process'},
	},
	{
		mode: 'async', key: '5', pool: 'threads', lane: 'loop', inFlight: ['C'], label: 'loop', runtimes: ['node'],
		lesson: {io: "one lane, C in flight; ≈ n·T/C, or its loop's CPU if more", cpu: 'one lane, one core: async does not help CPU work; ≈ n·c'},
	},
	{
		mode: 'processes-async', key: '6', pool: 'processes', lane: 'loop', inFlight: ['P', 'C'], label: 'process', runtimes: ['node'],
		lesson: {io: 'a loop per core: the answer for 400,000+ URLs', cpu: 'a loop per process: CPU work spreads over the cores'},
	},
] as const satisfies readonly ModeFacts[];

/** The six concurrency models, in key order. */
export type Mode = (typeof TABLE)[number]['mode'];
export const MODES: readonly Mode[] = TABLE.map((facts) => facts.mode);

/** The modes a runtime offers, in key order. */
export const modesOf = (runtime: Runtime): readonly Mode[] =>
	TABLE.filter((facts) => (facts.runtimes as readonly Runtime[]).includes(runtime)).map((facts) => facts.mode);

/** The keys that switch modes, as the key bar and --help write them: `1-6`. */
export const MODE_KEYS = `${TABLE[0].key}-${TABLE.at(-1)!.key}`;

/** The mode of one event loop of this process (`C` in flight, no pool): the lane calibration's. */
export const ONE_LOOP: Mode = TABLE.find((facts) => facts.lane === 'loop' && facts.pool === 'threads' && facts.inFlight.length === 1)!.mode;

export const factsOf = (mode: Mode): ModeFacts => TABLE.find((facts) => facts.mode === mode)!;

/** The mode a key switches to, if any. */
export const modeOfKey = (key: string): Mode | undefined => TABLE.find((facts) => facts.key === key)?.mode;

/** The keys of the modes that satisfy `test`, as help text writes them: `3, 4`. */
export const keysWhere = (test: (facts: ModeFacts) => boolean): string =>
	TABLE.filter((facts) => test(facts)).map((facts) => facts.key).join(', ');

/** `-p` applies: the mode has P processes or W threads. */
export const usesWorkers = (facts: ModeFacts): boolean => facts.inFlight.includes('P') || facts.inFlight.includes('W');
/** `-c` applies: the mode runs event loops. */
export const usesConcurrency = (facts: ModeFacts): boolean => facts.lane === 'loop';
/** `--gil` applies: threads share a process. */
export const isThreaded = (facts: ModeFacts): boolean => facts.threads !== undefined;
/** Threads that can compute at once: the lanes (a loop computes one task at a time); the GIL leaves one per process. */
export const computingFactors = (facts: ModeFacts, gil: boolean): readonly Factor[] =>
	facts.inFlight.filter((factor) => factor !== 'C' && !(gil && factor === facts.threads));

/** The knobs behind the factors. */
export type Knobs = {readonly workers: number; readonly threads: number; readonly concurrency: number};

export function factorValue(factor: Factor, knobs: Knobs): number {
	switch (factor) {
		case 'P':
		case 'W': {
			return knobs.workers;
		}

		case 'Th': {
			return knobs.threads;
		}

		case 'C': {
			return knobs.concurrency;
		}
	}
}

/** Requests in flight at once: the product of the mode's in-flight factors (1 for sequential). */
export const inFlightOf = (facts: ModeFacts, knobs: Knobs): number =>
	facts.inFlight.reduce((product, factor) => product * factorValue(factor, knobs), 1);
