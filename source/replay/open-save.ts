import os from 'node:os';
import type {RunConfig} from '../config/config.js';
import {now} from '../events/events.js';
import type {Outputs} from '../frontends/outputs.js';
import {savedConfig} from './format.js';
import {createSaveWriter, type SaveWriter} from './writer.js';

/** --save FILE: the file opened before the run (one that cannot be written is refused: exit 2) and its writer. */
export async function openSave(input: {save?: string; command: string; lang: string; config: RunConfig}, outputs: Outputs): Promise<SaveWriter | undefined> {
	if (input.save === undefined) {
		return undefined;
	}

	const file = await outputs.open('--save', input.save);
	return createSaveWriter(file, {
		recordedAt: Date.now(),
		command: input.command,
		cores: os.cpus().length,
		config: savedConfig(input.config),
		lang: input.lang,
	});
}

export const closeSave = async (writer: SaveWriter | undefined): Promise<void> => writer?.close(now());
