import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {parseOptions} from '../../source/cli/options.js';
import {BOUND_WORDS} from '../../source/model/formulas.js';
import type {Snapshot} from '../../source/metrics/snapshot.js';
import {createSession} from '../../source/session/session.js';
import {Model} from '../../source/ui/panels/model-panel.js';

const RUNS = [
	{mode: 'async', requests: '300', concurrency: '100', latency: '20'},
	{mode: 'threads', work: 'cpu', requests: '8', workers: '2', cpuMs: '2'},
];

test("the verdict on a run's last frame is its JSON result's", async () => {
	for (const flags of RUNS) {
		const options = parseOptions(flags, [], {});
		const session = createSession({server: options.server});
		let last: Snapshot | undefined;
		session.subscribe((snapshot) => {
			last = snapshot;
		});
		try {
			const result = await session.run(options.config);
			assert.ok(last, 'a frame was published');
			const props = {model: last.model, elapsedMs: last.elapsedMs, status: last.status, color: false} as const;
			const line = render(<Model {...props} width={120} height={3} variant="line" />).lastFrame() ?? '';
			assert.ok(line.includes(`${result.bound}-bound`), `${line}\nJSON bound: ${result.bound}`);
			const block = render(<Model {...props} width={60} height={12} variant="block" />).lastFrame() ?? '';
			assert.ok(block.includes(`bound by   ${BOUND_WORDS[result.bound]}`), block);
			assert.equal(result.predictedMs, Math.round(last.model.predictedMs * 10) / 10);
		} finally {
			await session.close();
		}
	}
});
