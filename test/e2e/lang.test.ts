import assert from 'node:assert/strict';
import {after, afterEach, test} from 'node:test';
import {killAll, startPty} from '../helpers/pty.js';
import {exitWithin, linesOf, paragraph} from './screens.js';

afterEach(killAll);
after(killAll);

test('the dashboard honours --lang pt outside the tour: legend, help bar and the summary left on screen', async () => {
	const pty = startPty(['-n', '4', '--latency', '20', '--lang', 'pt'], {cols: 80, rows: 24});
	const screen = await pty.waitFor((s) => /✓ concluído/.test(linesOf(s)[0] ?? ''), 30_000);
	assert.match(screen, /^faixas ─/m, 'the lanes heading');
	assert.match(screen, /requisições ─+ média/, 'the requests panel heading');
	assert.match(screen, /█ computando\s+░ esperando I\/O\s+▒ esperando o GIL\s+▓ cpu\+GIL\s+· ociosa\s+× morta/);
	assert.match(linesOf(screen).at(-1)!, /q sair {2}\? mais$/, 'the key bar, ending with ? mais where its keys do not all fit');
	pty.write('q');
	assert.equal((await exitWithin(pty, 5000, 'q')).exitCode, 0);
	assert.match(paragraph(pty.screen()), /^sequential, io: 4\/4 feitas \(0 falharam, 0 canceladas\) em \S+, previsto \S+ \(n·T, limitado por latência da rede\); .* CPU \d+% de \d+ núcleos?; inicialização \S+/);
});
