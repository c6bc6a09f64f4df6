import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {headerTheme, type TerminalColours} from '../config/terminal-colours.js';
import {type Cast, type CastEvent, type CastHead, markersOf} from './cast.js';
import {type Marker, chaptersOf} from './chapters.js';
import {escapeMarkup} from './markup.js';
import {LINE_HEIGHT, gapCss, shadeScript} from './player-drawing.js';

const require = createRequire(import.meta.url);

/** The player's own JS and CSS (the asciinema-player npm package), to inline. */
async function playerAssets(): Promise<{js: string; css: string}> {
	const js = require.resolve('asciinema-player/dist/bundle/asciinema-player.min.js');
	const css = require.resolve('asciinema-player/dist/bundle/asciinema-player.css');
	return {js: await readFile(js, 'utf8'), css: await readFile(css, 'utf8')};
}

/**
 * JSON that is safe inside <script>: no `</script>` or `<!--` can close or
 * confuse it, and no character HTML calls a parse error (DEL, C1 controls,
 * noncharacters) is written raw: each is a \u escape, the same string.
 */
const scriptJson = (value: unknown): string =>
	JSON.stringify(value).replaceAll(/[<\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]/g, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);

/** The script's own text can hold no `</script`: the bundle is checked for it. */
function inlineScript(js: string): string {
	if (/<\/script/i.test(js)) {
		throw new Error('the player bundle contains </script>; it cannot be inlined');
	}

	return js;
}

/** sRGB relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Of two colours, the one that stands out more on `bg` (the blue or the bright blue for links). */
const clearer = (bg: string, a: string, b: string): string =>
	Math.abs(luminance(a) - luminance(bg)) >= Math.abs(luminance(b) - luminance(bg)) ? a : b;

/** The page around the player: in the recording's own colours, today's dark ones without a theme. */
const pageCss = (colours: TerminalColours | undefined): string => {
	const {bg, fg, link, time} = colours
		? {bg: colours.bg, fg: colours.fg, link: clearer(colours.bg, colours.palette[4]!, colours.palette[12]!), time: colours.palette[8]!}
		: {bg: '#121212', fg: '#ddd', link: '#8cc8ff', time: '#888'};
	return `
body { margin: 0; padding: 24px; background: ${bg}; color: ${fg}; font: 15px/1.4 system-ui, sans-serif; }
h1 { font-size: 18px; font-weight: 600; margin: 0 0 12px; }
main { max-width: 1100px; margin: 0 auto; }
nav > ol { margin: 16px 0 0; padding-left: 1.6em; columns: 2; }
nav ol ol { margin: 0 0 4px; padding-left: 1.4em; list-style: lower-alpha; font-size: 14px; }
nav li { break-inside: avoid; }
nav button { background: none; border: 0; color: ${link}; cursor: pointer; font: inherit; padding: 1px 0; text-align: left; }
nav button:hover { text-decoration: underline; }
nav .time { color: ${time}; font-variant-numeric: tabular-nums; margin-left: .5em; }
${gapCss}`;
};

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** One chapter of the list: a button that seeks to its marker (by its place among all the markers), its time, what it holds. */
const item = (marker: Marker & {index: number}, inner: string): string =>
	`<li><button type="button" data-marker="${marker.index}">${escapeMarkup(marker.label)}</button><span class="time">${clock(marker.time)}</span>${inner}</li>`;

/** What the page shows: its title, the recording's colours and chapters, the moment its poster shows, and the recording's events. */
export type Page = {
	readonly title: string;
	readonly head: CastHead;
	/** The recording's markers, in order: the player's; the list nests a scene's mode switches (chapters.ts). */
	readonly markers: readonly Marker[];
	/** Seconds into the recording the player shows before it plays. */
	readonly poster: number;
	readonly events: Iterable<CastEvent> | AsyncIterable<CastEvent>;
};

/** The recording as the page embeds it: its header (size, colours), then each event, one per line. */
const headerJson = (head: CastHead): string =>
	JSON.stringify({version: 2, width: head.width, height: head.height, ...(head.colours ? {theme: headerTheme(head.colours)} : {})});

/**
 * One self-contained page that plays the recording offline: the player's JS and
 * CSS inlined, the recording embedded, the markers as chapters (on the player's
 * progress bar and as a list that seeks to them). Its CSP lets nothing be fetched.
 * The player's theme is left unset ('auto/asciinema'): it draws a recording in
 * the colours of its header's `theme`, and in the asciinema theme without one.
 * It is made in parts as it is written: the recording's events are read as
 * they are embedded, never held whole.
 */
export async function* pageParts(page: Page): AsyncGenerator<string> {
	const {js, css} = await playerAssets();
	const title = escapeMarkup(page.title);
	const chapters = chaptersOf(page.markers);
	const list = chapters.map((chapter) => item(chapter, chapter.within.length > 0 ? `\n<ol>\n${chapter.within.map((m) => item(m, '')).join('\n')}\n</ol>\n` : '')).join('\n');
	yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${css}</style>
<style>${pageCss(page.head.colours)}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<div id="player"></div>
${chapters.length > 0 ? `<nav aria-label="chapters"><ol id="chapters">\n${list}\n</ol></nav>` : ''}
</main>
<script>${shadeScript()}</script>
<script>${inlineScript(js)}</script>
<script>
const cast = [
${scriptJson(headerJson(page.head))},
`;
	for await (const event of page.events) {
		yield `${scriptJson(JSON.stringify([event.time, event.kind, event.data]))},\n`;
	}

	yield `].join('\\n');
const player = AsciinemaPlayer.create({data: cast}, document.getElementById('player'), {
	fit: 'width',
	poster: 'npt:${page.poster.toFixed(3)}',
	terminalFontFamily: "'DejaVu Sans Mono', Menlo, Consolas, monospace",
	terminalLineHeight: ${LINE_HEIGHT.toFixed(4)},
});
for (const button of document.querySelectorAll('[data-marker]')) {
	button.addEventListener('click', async () => {
		await player.seek({marker: Number(button.dataset.marker)});
		await player.play();
	});
}
window.concvizPlayer = player;
</script>
</body>
</html>
`;
}

/** The page of a recording held whole, as one string (the tests'). */
export async function castToHtml(cast: Cast, title: string): Promise<string> {
	const parts: string[] = [];
	for await (const part of pageParts({title, head: cast, markers: markersOf(cast), poster: cast.duration + 1, events: cast.events})) {
		parts.push(part);
	}

	return parts.join('');
}
