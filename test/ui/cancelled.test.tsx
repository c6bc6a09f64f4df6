import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {Dashboard} from '../../source/ui/dashboard.js';
import * as f from './fixtures.js';

test('a cancelled run (a tour scene stopped at its bound) counts what it finished, not the tasks it dropped', () => {
	const requested = f.processes.run.requested;
	const s = {...f.processes, status: 'cancelled' as const, completed: 90, failed: 10, cancelled: requested - 100, inFlight: 0};
	const frame = render(<Dashboard view={f.view(s)} width={80} height={24} color={false} showHelp={false} />).lastFrame() ?? '';
	const progress = frame.split('\n')[1]!;
	assert.match(progress, new RegExp(` 100/${requested}  ${Math.round((100 / requested) * 100)}%$`), progress);
	assert.match(frame.split('\n')[0]!, /■ cancelled/);
});
