// The bench's one table, and the CPU that other processes used while a row ran.
import {readFileSync} from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {descendants, treeTicks} from '../test/helpers/proc.js';
import {NOISY_CORES, type Row, type Target} from './common.js';

export function failedRow(name: string, target: Target, error: unknown): Row {
	return {name, concviz: '', baseline: '', ratio: Number.NaN, target, error: String(error instanceof Error ? error.message : error)};
}

export function formatTable(rows: readonly Row[]): string {
	const header = ['benchmark', 'concviz', 'baseline', 'ratio', 'target', 'ok'];
	const cells = rows.map(row => {
		const {op, value, max} = row.target;
		const met = (op === '≥' ? row.ratio >= value : row.ratio <= value) && (max === undefined || row.ratio <= max);
		const verdict = row.error !== undefined && Number.isNaN(row.ratio) ? 'ERROR' : met ? (row.error ? 'ok*' : 'ok') : 'MISS';
		const ok = (row.otherLoad ?? 0) >= NOISY_CORES ? `${verdict} noisy` : verdict;
		return [
			row.name,
			row.concviz || '-',
			row.baseline || '-',
			Number.isNaN(row.ratio) ? '-' : row.ratio.toFixed(2),
			max === undefined ? `${op} ${value.toFixed(2)}` : `${value.toFixed(2)}–${max.toFixed(2)}`,
			ok,
		];
	});
	const all = [header, ...cells];
	const widths = header.map((_, i) => Math.max(...all.map(r => r[i]!.length)));
	const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ').trimEnd();
	const rule = widths.map(w => '-'.repeat(w)).join('-|-');
	return [line(header), rule, ...cells.map(r => line(r))].join('\n');
}

/** user + nice + system ticks of the whole machine (every core), from /proc/stat. */
export function machineTicks(): number {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
	return fields[0]! + fields[1]! + fields[2]!;
}

/** CPU ticks of this process and everything under it, the dead (reaped) included. */
export function ownTicks(): number {
	let ticks = treeTicks('self');
	for (const pid of descendants(process.pid)) {
		try {
			ticks += treeTicks(pid);
		} catch {}
	}

	return ticks;
}

/** Busy time of the whole machine (every process, this one included) over `ms`, in cores (from /proc/stat). */
export async function machineBusy(ms: number): Promise<number> {
	const read = (): {busy: number; total: number} => {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		const total = fields.reduce((a, b) => a + b, 0);
		const idle = fields[3]! + (fields[4] ?? 0);
		return {busy: total - idle, total};
	};

	const a = read();
	await delay(ms);
	const b = read();
	return ((b.busy - a.busy) / (b.total - a.total)) * os.availableParallelism();
}

