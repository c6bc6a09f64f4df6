import {crc32, deflateRaw} from 'node:zlib';
import {promisify} from 'node:util';
import type {MetricsAction} from '../metrics/reducer.js';
import {isTerminal} from '../metrics/snapshot.js';
import type {RunStart, RunTap} from '../session/observer.js';
import {BlockBuilder} from './block.js';
import {FIRST_LINE, FRAME, FRAME_HEAD, type FrameKind, type SaveHeader} from './format.js';
import {stringify} from './json-numbers.js';

const deflate = promisify(deflateRaw);

/** A block is packed once it holds this many events, or this long after its first action, or as its run ends. */
export const BLOCK_EVENTS = 32_768;
export const BLOCK_MS = 1000;
const BLOCK_ACTIONS = 4096;

export type SaveWriter = RunTap & {
	/** Packs what is pending, writes the end frame and ends the file; resolves once it is written (or has failed). */
	close(t: number): Promise<void>;
	/** Bytes written so far. */
	readonly bytes: number;
};

/**
 * --save: every run's start and every action its reducer folds, streamed to
 * `out` in compressed blocks as they come (memory stays one block and the
 * writes in flight). Compression runs on libuv's pool, off the main thread;
 * frames are written in the order they were made.
 */
export function createSaveWriter(out: NodeJS.WritableStream, header: Omit<SaveHeader, 'version'>): SaveWriter {
	let chain: Promise<void> = Promise.resolve();
	let block: BlockBuilder | undefined;
	let timer: NodeJS.Timeout | undefined;
	let bytes = 0;
	let closed = false;

	const write = (chunk: Buffer): Promise<void> => new Promise((resolve) => {
		bytes += chunk.length;
		out.write(chunk, () => {
			resolve();
		});
	});

	const frame = (kind: FrameKind, raw: Buffer): void => {
		const compressing = deflate(raw);
		chain = chain.then(async () => {
			const body = await compressing;
			const head = Buffer.alloc(FRAME_HEAD);
			head.writeUInt8(kind, 0);
			head.writeUInt32LE(body.length, 1);
			head.writeUInt32LE(crc32(body), 5);
			await write(Buffer.concat([head, body]));
		}).catch(() => undefined);
	};

	const pack = (): void => {
		if (timer) {
			clearTimeout(timer);
			timer = undefined;
		}

		if (block && block.actions > 0) {
			frame(FRAME.block, block.pack());
		}

		block = undefined;
	};

	const json = (kind: FrameKind, value: unknown): void => {
		frame(kind, Buffer.from(stringify(value), 'utf8'));
	};

	void write(Buffer.from(FIRST_LINE, 'utf8'));
	json(FRAME.header, {version: 1, ...header});

	return {
		started(start: RunStart) {
			if (closed) {
				return;
			}

			pack();
			json(FRAME.run, start);
		},
		action(run: number, action: MetricsAction) {
			if (closed) {
				return;
			}

			if (block?.run !== run) {
				pack();
				block = new BlockBuilder(run);
				timer = setTimeout(pack, BLOCK_MS);
				timer.unref();
			}

			block.add(action);
			if (block.events >= BLOCK_EVENTS || block.actions >= BLOCK_ACTIONS || (action.type === 'status' && isTerminal(action.status))) {
				pack();
			}
		},
		async close(t: number) {
			if (closed) {
				return chain;
			}

			closed = true;
			pack();
			json(FRAME.end, {t});
			await chain;
			const stream = out as NodeJS.WritableStream & {destroyed?: boolean; errored?: unknown};
			if (stream.destroyed || stream.errored) {
				return;
			}

			await new Promise<void>((resolve) => {
				out.once('error', () => resolve());
				out.end(() => resolve());
			});
		},
		get bytes() {
			return bytes;
		},
	};
}
