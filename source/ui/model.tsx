import type {ModelSnapshot, RunStatus} from '../metrics/snapshot.js';
import {duration} from './format.js';
import {Lines} from './lines.js';
import {type Line, type Seg, firstFitting, fitLine, rule, seg, wrap} from './text.js';

export type ModelProps = {
	readonly model: ModelSnapshot;
	readonly elapsedMs: number;
	readonly status: RunStatus;
	readonly width: number;
	/** Lines available. */
	readonly height: number;
	/** `line`: one line (and the note below); `block`: a titled panel. */
	readonly variant: 'line' | 'block';
	readonly color: boolean;
};

const boundWords = {latency: 'network latency', cpu: 'CPU cores', loop: "the event loop's CPU", rate: 'the --rate schedule'} as const;

/** `+4%` / `−12%`: how far the measurement is from the prediction. */
function deviation(measured: number, predicted: number): Seg[] {
	if (predicted <= 0) {
		return [];
	}

	const d = Math.round(((measured - predicted) / predicted) * 100);
	return [seg(' ('), seg(`${d < 0 ? '−' : '+'}${Math.abs(d)}%`, Math.abs(d) <= 15 ? 'good' : 'warn'), seg(')')];
}

function measured(props: ModelProps): Seg[] {
	const {status, elapsedMs, model} = props;
	if (elapsedMs <= 0) {
		return [seg('—', 'muted')];
	}

	if (status === 'done') {
		return [seg(duration(elapsedMs), 'title'), ...deviation(elapsedMs, model.predictedMs)];
	}

	return [seg(duration(elapsedMs), 'title'), seg(' so far', 'muted')];
}

export function modelLines(props: ModelProps): Line[] {
	const {model, width, height, variant} = props;
	const note = model.note ? wrap(model.note, width - 2) : [];
	if (variant === 'line') {
		const formula = [seg('model ', 'title'), seg(model.formula)];
		const m = [seg('   measured ', 'muted'), ...measured(props)];
		const first = firstFitting(
			[[...formula, ...m, seg(`   ${model.bound}-bound`, 'muted')], [...formula, ...m], formula],
			width,
		);
		const second: Line[] = model.note && height >= 2 ? [fitLine([seg('! ', 'warn'), seg(model.note, 'warn')], width)] : [];
		return [first, ...second].slice(0, Math.max(0, height));
	}

	const label = (text: string): Seg => seg(text.padEnd(11), 'muted');
	const formula = wrap(model.formula, width - 11);
	const lines: Line[] = [
		rule('model', width, 'predicted vs measured'),
		...formula.map((part, i) => [label(i === 0 ? 'predicted' : ''), seg(part)]),
		[label('measured'), ...measured(props)],
		[label('bound by'), seg(boundWords[model.bound])],
		...note.map((part, i) => [seg(i === 0 ? '! ' : '  ', 'warn'), seg(part, 'warn')]),
	];
	return lines.slice(0, Math.max(0, height)).map((line) => fitLine(line, width));
}

/** The model's prediction with the run's numbers beside the measured time, and the note when measurement departs from it. */
export function Model(props: ModelProps) {
	return <Lines lines={modelLines(props)} width={props.width} color={props.color} />;
}
