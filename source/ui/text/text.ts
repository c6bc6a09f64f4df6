import type {Tone} from './theme.js';

/** A run of text with one meaning. */
export type Seg = {readonly text: string; readonly tone?: Tone};
/** One terminal line, as segments. */
export type Line = readonly Seg[];

export const seg = (text: string, tone?: Tone): Seg => (tone ? {text, tone} : {text});

/** Terminal cells a string takes (every glyph the UI draws is one cell wide). */
export function cells(text: string): number {
	let n = 0;
	for (const _ of text) {
		n++;
	}

	return n;
}

export function lineWidth(line: Line): number {
	let n = 0;
	for (const s of line) {
		n += cells(s.text);
	}

	return n;
}

/** Cut to `width` cells, ending with `…` when something was cut. */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}

	const chars = [...text];
	if (chars.length <= width) {
		return text;
	}

	return chars.slice(0, width - 1).join('') + '…';
}

export const padEnd = (text: string, width: number): string => {
	const t = fit(text, width);
	return t + ' '.repeat(Math.max(0, width - cells(t)));
};

export const padStart = (text: string, width: number): string => {
	const t = fit(text, width);
	return ' '.repeat(Math.max(0, width - cells(t))) + t;
};

/** Cut a line to `width` cells, the last visible cell becoming `…` when something was cut. */
export function fitLine(line: Line, width: number): Line {
	if (lineWidth(line) <= width) {
		return line;
	}

	const out: Seg[] = [];
	let room = width;
	for (const s of line) {
		const n = cells(s.text);
		if (n < room) {
			out.push(s);
			room -= n;
			continue;
		}

		if (room > 0) {
			out.push({...s, text: fit(s.text + '…', room)});
		}

		break;
	}

	return out;
}

/** `left` at the left edge and `right` at the right edge; `right` is dropped when both don't fit. */
export function spread(left: Line, right: Line, width: number): Line {
	const gap = width - lineWidth(left) - lineWidth(right);
	if (gap < 1) {
		return fitLine(left, width);
	}

	return [...left, seg(' '.repeat(gap)), ...right];
}

/** The first candidate that fits `width`, else the last one cut. */
export function firstFitting(candidates: readonly Line[], width: number): Line {
	for (const line of candidates) {
		if (lineWidth(line) <= width) {
			return line;
		}
	}

	return fitLine(candidates.at(-1) ?? [], width);
}

/** A section heading: `title ─────────── right`. */
export function rule(title: string, width: number, right = ''): Line {
	const head: Seg[] = [seg(title, 'title'), seg(' ')];
	const tail: Seg[] = right ? [seg(' '), seg(right, 'muted')] : [];
	const fill = width - lineWidth(head) - lineWidth(tail);
	if (fill < 2) {
		return fitLine([seg(title, 'title')], width);
	}

	return [...head, seg('─'.repeat(fill), 'rule'), ...tail];
}

/** Word-wrap plain text into lines of at most `width` cells (long words are cut). */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = current ? `${current} ${word}` : word;
		if (cells(candidate) <= width) {
			current = candidate;
			continue;
		}

		if (current) {
			lines.push(current);
		}

		current = fit(word, width);
	}

	if (current) {
		lines.push(current);
	}

	return lines;
}
