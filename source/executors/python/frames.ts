/**
 * The runner's frames on its stdout (python/concviz_runner/wire.py): a 4-byte
 * little-endian length, a kind byte, its payload. `B` is an event batch in
 * events.ts's packed layout (count, reasons as JSON, count·STRIDE float64),
 * taken as an EventBatch without decoding its events; `J` one JSON message.
 */
import {STRIDE, type EventBatch} from '../../events/events.js';

export type RunnerMessage =
	| {readonly type: 'want'; readonly worker: number; readonly k: number}
	| {readonly type: 'stopped'; readonly worker: number}
	| {readonly type: 'died'; readonly worker: number; readonly code: number}
	| {readonly type: 'thread'; readonly worker: number; readonly pid: number; readonly tid: number}
	| {readonly type: 'hello'; readonly pid: number; readonly version: string; readonly gil: boolean; readonly units: number; readonly unitsPerMs: number; readonly startMethod: string | null}
	| {readonly type: 'pool-start'; readonly t: number};

export type Frame = {readonly kind: 'batch'; readonly batch: EventBatch} | {readonly kind: 'message'; readonly message: RunnerMessage};

const BATCH = 0x42; // 'B'
const JSON_KIND = 0x4A; // 'J'

/** An EventBatch from a `B` payload (the float64 rows copied out, so they are aligned and own their buffer). */
export function batchOf(payload: Buffer): EventBatch {
	const count = payload.readUInt32LE(0);
	const namesLength = payload.readUInt32LE(4);
	const reasons = JSON.parse(payload.toString('utf8', 8, 8 + namesLength)) as string[];
	const data = new Float64Array(count * STRIDE);
	const start = 8 + namesLength;
	payload.copy(new Uint8Array(data.buffer), 0, start, start + data.byteLength);
	return {data, count, reasons};
}

/** Frames from a byte stream, as chunks arrive (a frame may span chunks). */
export function createFrameReader(onFrame: (frame: Frame) => void): (chunk: Buffer) => void {
	let pending: Buffer = Buffer.alloc(0);
	return chunk => {
		pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
		let offset = 0;
		while (pending.length - offset >= 4) {
			const length = pending.readUInt32LE(offset);
			if (pending.length - offset - 4 < length) {
				break;
			}

			const kind = pending[offset + 4];
			const payload = pending.subarray(offset + 5, offset + 4 + length);
			offset += 4 + length;
			if (kind === BATCH) {
				onFrame({kind: 'batch', batch: batchOf(payload)});
			} else if (kind === JSON_KIND) {
				onFrame({kind: 'message', message: JSON.parse(payload.toString('utf8')) as RunnerMessage});
			}
		}

		pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
	};
}
