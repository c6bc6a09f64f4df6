import {test} from 'node:test';
import assert from 'node:assert/strict';
import {keyToCommand, keysToCommands} from '../../../source/ui/hooks/keys.js';
import {initialUiState, uiReducer} from '../../../source/ui/hooks/ui-state.js';

test('keys 1–6 pick the modes in MODES order', () => {
	assert.deepEqual(keyToCommand('1', {}), {type: 'mode', mode: 'sequential'});
	assert.deepEqual(keyToCommand('2', {}), {type: 'mode', mode: 'processes'});
	assert.deepEqual(keyToCommand('3', {}), {type: 'mode', mode: 'threads'});
	assert.deepEqual(keyToCommand('4', {}), {type: 'mode', mode: 'processes-threads'});
	assert.deepEqual(keyToCommand('5', {}), {type: 'mode', mode: 'async'});
	assert.deepEqual(keyToCommand('6', {}), {type: 'mode', mode: 'processes-async'});
	assert.equal(keyToCommand('7', {}), null);
	assert.equal(keyToCommand('0', {}), null);
});

test('every other key of the help bar', () => {
	assert.deepEqual(keyToCommand('w', {}), {type: 'cycle-work'});
	assert.deepEqual(keyToCommand('+', {}), {type: 'workers', delta: 1});
	assert.deepEqual(keyToCommand('=', {}), {type: 'workers', delta: 1});
	assert.deepEqual(keyToCommand('-', {}), {type: 'workers', delta: -1});
	assert.deepEqual(keyToCommand('[', {}), {type: 'concurrency', delta: -1});
	assert.deepEqual(keyToCommand(']', {}), {type: 'concurrency', delta: 1});
	assert.deepEqual(keyToCommand('n', {}), {type: 'cycle-requests'});
	assert.deepEqual(keyToCommand('r', {}), {type: 'restart'});
	assert.deepEqual(keyToCommand(' ', {}), {type: 'toggle-pause'});
	assert.deepEqual(keyToCommand('c', {}), {type: 'compare'});
	assert.deepEqual(keyToCommand('g', {}), {type: 'toggle-gil'});
	assert.deepEqual(keyToCommand('q', {}), {type: 'quit'});
	assert.equal(keyToCommand('?', {}), 'help');
});

test('Ctrl+C quits (as Ink reports it, and as the raw byte); other Ctrl and Meta keys do nothing', () => {
	assert.deepEqual(keyToCommand('c', {ctrl: true}), {type: 'quit'});
	assert.deepEqual(keyToCommand('\u0003', {}), {type: 'quit'});
	assert.equal(keyToCommand('r', {ctrl: true}), null);
	assert.equal(keyToCommand('q', {meta: true}), null);
	assert.equal(keyToCommand('x', {}), null);
	assert.equal(keyToCommand('', {}), null);
});

test('several keys in one input event each count', () => {
	assert.deepEqual(keysToCommands('?2', {}), ['help', {type: 'mode', mode: 'processes'}]);
	assert.deepEqual(keysToCommands('xq', {}), [{type: 'quit'}]);
	assert.deepEqual(keysToCommands('c', {ctrl: true}), [{type: 'quit'}]);
	assert.deepEqual(keysToCommands('', {}), []);
});

test('ui state: ? toggles help, Escape closes it', () => {
	const shown = uiReducer(initialUiState, {type: 'toggle-help'});
	assert.deepEqual(shown, {showHelp: true});
	assert.deepEqual(uiReducer(shown, {type: 'toggle-help'}), {showHelp: false});
	assert.deepEqual(uiReducer(shown, {type: 'close-help'}), {showHelp: false});
	assert.equal(uiReducer(initialUiState, {type: 'close-help'}), initialUiState);
	assert.deepEqual(initialUiState, {showHelp: false});
});
