import type {CpuSnapshot} from '../../metrics/snapshot.js';
import {bar, sparkline, tick} from '../lines/charts.js';
import {formatCount, formatDecimal, formatPercent} from '../text/screen-format.js';
import {Lines} from '../text/line-text.js';
import {loadTone} from '../text/theme.js';
import {type Line, firstFitting, padEnd, padStart, rule, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

export type CpuProps = {
	readonly cpu: CpuSnapshot;
	readonly width: number;
	/** Lines available, the heading included. */
	readonly height: number;
	readonly color: boolean;
};

function clientLine(cpu: CpuSnapshot, width: number): Line {
	const client = [seg(`${t('client')} `, 'muted'), seg(formatDecimal(cpu.client, 2), 'title'), seg(` ${t(cpu.cores === 1 ? 'of 1 core' : 'of {n} cores').replace('{n}', formatCount(cpu.cores))}`, 'muted')];
	const tail = cpu.final ? ` · ${t('run mean')}` : ` · ${t('machine run mean')} ${cpu.sampled ? formatPercent(cpu.utilisation) : '—'}`;
	return firstFitting([[...client, seg(tail, 'muted')], client], width);
}

function coreLine(cpu: CpuSnapshot, core: number, width: number, labelWidth: number, spark: boolean): Line {
	const value = cpu.sampled ? (cpu.perCore[core] ?? 0) : 0;
	const tone = cpu.sampled ? loadTone(value) : 'muted';
	const room = width - labelWidth - 1 - 5;
	const sparkWidth = spark && room >= 16 ? Math.floor(room * 0.4) : 0;
	const b = bar(value, room - (sparkWidth > 0 ? sparkWidth + 1 : 0));
	const history = sparkWidth > 0 ? sparkline(cpu.history[core] ?? [], sparkWidth, 1) : '';
	return [
		seg(padEnd(`cpu${core}`, labelWidth), 'muted'),
		seg(' '),
		seg(b.filled, tone),
		seg(b.empty),
		seg(padStart(cpu.sampled ? formatPercent(value) : '—', 5), tone),
		...(history ? [seg(' '), seg(history, 'spark')] : []),
	];
}

/** CPU panel as lines: per-core bars with sparklines when there is room, else columns of bars, else a strip. */
export function cpuLines({cpu, width, height}: Omit<CpuProps, 'color'>): Line[] {
	const cores = cpu.perCore.length;
	const machine = cores > 0 ? cpu.perCore.reduce((a, b) => a + b, 0) / cores : 0;
	// Nothing sampled (a run shorter than the sampling interval): unknown, never 0%.
	const shown = cpu.sampled ? formatPercent(machine) : '—';
	const head = rule(t('cpu'), width, cpu.final ? `${t('run mean')} ${shown}` : shown);
	if (height < 3) {
		return [head, clientLine(cpu, width)].slice(0, Math.max(0, height));
	}

	const labelWidth = `cpu${cores - 1}`.length;
	const rows = height - 2;
	if (cores <= rows) {
		return [head, ...Array.from({length: cores}, (_, c) => coreLine(cpu, c, width, labelWidth, true)), clientLine(cpu, width)];
	}

	const columns = Math.ceil(cores / rows);
	const columnWidth = Math.floor((width - (columns - 1) * 2) / columns);
	if (columnWidth >= labelWidth + 10) {
		const perColumn = Math.ceil(cores / columns);
		const lines: Line[] = [];
		for (let r = 0; r < perColumn; r++) {
			const line: Line[number][] = [];
			for (let k = 0; k < columns; k++) {
				const core = k * perColumn + r;
				if (core < cores) {
					line.push(...(k > 0 ? [seg('  ')] : []), ...coreLine(cpu, core, columnWidth, labelWidth, false));
				}
			}

			lines.push(line);
		}

		return [head, ...lines, clientLine(cpu, width)];
	}

	const label = `${t('cores')} `;
	const perLine = Math.max(1, width - label.length);
	const strip: Line[] = [];
	for (let c = 0; c < cores && strip.length < rows; c += perLine) {
		const chunk = cpu.perCore.slice(c, c + perLine);
		strip.push([seg(c === 0 ? label : ' '.repeat(label.length), 'muted'), ...chunk.map((v) => (cpu.sampled ? seg(tick(v), loadTone(v)) : seg('·', 'muted')))]);
	}

	return [head, ...strip, clientLine(cpu, width)];
}

/** A bar per core with its utilisation and a short history, and the client's own CPU in cores. */
export function Cpu(props: CpuProps) {
	return <Lines lines={cpuLines(props)} width={props.width} color={props.color} />;
}
