/** A small asciicast v2 recording made by hand: colours, block glyphs, markers, a resize. */
export const SMALL_CAST = [
	JSON.stringify({version: 2, width: 40, height: 5, timestamp: 1_700_000_000, title: 'concviz'}),
	JSON.stringify([0.1, 'm', '1/11 Sequential – 4 URLs']),
	JSON.stringify([0.2, 'o', '\u001B[32m████\u001B[0m hello <tour> & friends\r\n']),
	JSON.stringify([1, 'm', 'threads']),
	JSON.stringify([1.5, 'o', '\u001B[1;36mlast frame\u001B[0m ░░▒▒ ▁▄█\r\n']),
	'',
].join('\n');
