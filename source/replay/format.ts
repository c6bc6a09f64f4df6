import type {RunConfig} from '../config/config.js';

/**
 * The save file (`--save FILE`, read by `concviz replay`): a first line that
 * names it and its version, then frames, each compressed on its own
 * (node:zlib, raw deflate) so that a reader can start at any block (seeking)
 * and a file cut mid-write (kill -9) is good up to its last whole frame.
 *
 *     concviz save 1\n
 *     frame: kind (u8) · length (u32 LE) · crc32 of the compressed bytes (u32 LE) · compressed bytes
 *
 * Kinds: the session header (JSON), a run's start (JSON: what its reducer
 * starts from), a block of the run's reducer actions (block.ts), and the end
 * (JSON), written when the session closes: a file without it was cut short.
 */
export const MAGIC = 'concviz save ';
export const SAVE_VERSION = 1;
export const FIRST_LINE = `${MAGIC}${SAVE_VERSION}\n`;
export const FRAME_HEAD = 9;
/** No frame a writer makes is larger, compressed or not: a length past it is a corrupt file, not a big one. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export const FRAME = {header: 1, run: 2, block: 3, end: 4} as const;
export type FrameKind = (typeof FRAME)[keyof typeof FRAME];

/** What the session was, as the replay's header and the dashboard's config show it. */
export type SaveHeader = {
	readonly version: number;
	/** Epoch ms the session started. */
	readonly recordedAt: number;
	/** The command that ran: run (the dashboard or headless), compare, tour. */
	readonly command: string;
	/** The machine's cores. */
	readonly cores: number;
	/** The first run's config (a --urls target by its file name only). */
	readonly config: RunConfig;
	readonly lang: string;
};

export type SaveEnd = {readonly t: number};

/** The config as saved: JSON-able, a URL file by its name (its URLs are not kept). */
export function savedConfig(config: RunConfig): RunConfig {
	const target = config.target.kind === 'urls' ? {kind: 'urls', file: config.target.file, source: {count: config.target.source.count, urlsOf: () => []}} : config.target;
	return {...config, target} as RunConfig;
}

/** What `concviz replay` reads of the command line. */
export type ReplayOptions = {
	readonly replayFile?: string;
	readonly config: Pick<RunConfig, 'json' | 'fps' | 'color'>;
};
