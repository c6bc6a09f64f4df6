import {decodeBatch, encodeInto, STRIDE, type BusEvent, type EventBatch} from '../events/events.js';
import type {MetricsAction} from '../metrics/reducer.js';
import {parse, stringify} from './json-numbers.js';

/**
 * A block of one run's reducer actions, as saved: the actions in order as
 * JSON, but for the events, which are packed as the lanes pack them
 * (events/events.ts, STRIDE float64 slots an event) into one array for the
 * whole block, column by column and byte plane by byte plane, so that the
 * slots that change little (kinds, workers, the high bytes of times) compress
 * to almost nothing. Lossless: every number folds back to the same bits.
 */
type SavedAction = Exclude<MetricsAction, {type: 'events'}> | {readonly type: 'events'; readonly n: number; readonly reasons: readonly string[]};

export type BlockBody = {readonly run: number; readonly actions: readonly SavedAction[]; readonly events: number};

/** Collects actions until the writer packs them. */
export class BlockBuilder {
	readonly run: number;
	#actions: SavedAction[] = [];
	#data = new Float64Array(STRIDE * 1024);
	#events = 0;

	constructor(run: number) {
		this.run = run;
	}

	get events(): number {
		return this.#events;
	}

	get actions(): number {
		return this.#actions.length;
	}

	add(action: MetricsAction): void {
		if (action.type !== 'events') {
			this.#actions.push(action);
			return;
		}

		this.#reserve(action.events.length);
		const reasons: string[] = [];
		for (const event of action.events) {
			encodeInto(this.#data, this.#events++, event, reasons);
		}

		this.#actions.push({type: 'events', n: action.events.length, reasons});
	}

	/** The block's bytes, before compression. */
	pack(): Buffer {
		const body: BlockBody = {run: this.run, actions: this.#actions, events: this.#events};
		const json = Buffer.from(stringify(body), 'utf8');
		const head = align8(4 + json.length);
		const out = Buffer.alloc(head + this.#events * STRIDE * 8);
		out.writeUInt32LE(json.length, 0);
		json.copy(out, 4);
		shuffle(this.#data.subarray(0, this.#events * STRIDE), this.#events, out.subarray(head));
		return out;
	}

	#reserve(more: number): void {
		const need = (this.#events + more) * STRIDE;
		if (need > this.#data.length) {
			const grown = new Float64Array(Math.max(need, this.#data.length * 2));
			grown.set(this.#data);
			this.#data = grown;
		}
	}
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Row-major events → column-major slots → byte planes. */
function shuffle(data: Float64Array, events: number, out: Buffer): void {
	const total = events * STRIDE;
	const bytes = new Uint8Array(data.buffer, data.byteOffset, total * 8);
	for (let i = 0; i < events; i++) {
		for (let c = 0; c < STRIDE; c++) {
			const from = (i * STRIDE + c) * 8;
			const j = c * events + i;
			for (let k = 0; k < 8; k++) {
				out[k * total + j] = bytes[from + k]!;
			}
		}
	}
}

function unshuffle(planes: Uint8Array, events: number): Float64Array {
	const total = events * STRIDE;
	const data = new Float64Array(total);
	const bytes = new Uint8Array(data.buffer);
	for (let i = 0; i < events; i++) {
		for (let c = 0; c < STRIDE; c++) {
			const to = (i * STRIDE + c) * 8;
			const j = c * events + i;
			for (let k = 0; k < 8; k++) {
				bytes[to + k] = planes[k * total + j]!;
			}
		}
	}

	return data;
}

/** Thrown for a block whose bytes are not what a writer packs. */
export class BadBlock extends Error {}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function bodyOf(bytes: Buffer): {body: BlockBody; head: number} {
	if (bytes.length < 4) {
		throw new BadBlock('a block too short');
	}

	const length = bytes.readUInt32LE(0);
	if (4 + length > bytes.length) {
		throw new BadBlock('a block shorter than its header says');
	}

	let body: unknown;
	try {
		body = parse(bytes.toString('utf8', 4, 4 + length));
	} catch {
		throw new BadBlock('a block whose header is not JSON');
	}

	if (!isObject(body) || typeof body['run'] !== 'number' || !Array.isArray(body['actions']) || !Number.isSafeInteger(body['events'])) {
		throw new BadBlock('a block without its actions');
	}

	return {body: body as BlockBody, head: align8(4 + length)};
}

const ACTION_TYPES = new Set(['startup', 'events', 'cpu', 'frame', 'status', 'schedule']);

/** The block's run and its actions, as the reducer took them. */
export function unpack(bytes: Buffer): {run: number; actions: MetricsAction[]} {
	const {body, head} = bodyOf(bytes);
	const events = body.events;
	if (events < 0 || bytes.length !== head + events * STRIDE * 8) {
		throw new BadBlock('a block whose events do not fit it');
	}

	const data = unshuffle(bytes.subarray(head), events);
	const actions: MetricsAction[] = [];
	let at = 0;
	for (const saved of body.actions) {
		if (!isObject(saved) || !ACTION_TYPES.has(saved.type as string)) {
			throw new BadBlock('a block with an unknown action');
		}

		if (saved.type !== 'events') {
			actions.push(saved);
			continue;
		}

		if (!Number.isSafeInteger(saved.n) || saved.n < 0 || at + saved.n > events || !Array.isArray(saved.reasons)) {
			throw new BadBlock('a block whose events do not add up');
		}

		actions.push({type: 'events', events: decodeRange(data, at, saved.n, saved.reasons)});
		at += saved.n;
	}

	if (at !== events) {
		throw new BadBlock('a block whose events do not add up');
	}

	return {run: body.run, actions};
}

const KINDS = 7;

function decodeRange(data: Float64Array, from: number, n: number, reasons: readonly string[]): BusEvent[] {
	const batch: EventBatch = {data: data.subarray(from * STRIDE, (from + n) * STRIDE), count: n, reasons};
	for (let i = 0; i < n; i++) {
		const kind = batch.data[i * STRIDE]!;
		if (!(Number.isInteger(kind) && kind >= 0 && kind < KINDS)) {
			throw new BadBlock('a block with an unknown event');
		}
	}

	return decodeBatch(batch);
}
