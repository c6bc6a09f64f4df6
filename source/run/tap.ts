import type {MetricsAction} from '../metrics/reducer.js';
import type {RunInfo} from '../model/run-info.js';
import type {ClientCost} from '../model/client-cost.js';
import type {Calibration} from '../workloads/cpu.js';

/** A run as it starts: what its reducer's first state is made of, and what its result adds. */
export type RunStart = {
	readonly info: RunInfo;
	readonly t: number;
	readonly cores: number;
	readonly lagMs: number;
	readonly calibration: Calibration | undefined;
	readonly clientCost: ClientCost | undefined;
};

/** Sees every run's start and every action its reducer folds, in order (--save keeps them). It only reads. */
export type RunTap = {
	started(start: RunStart): void;
	action(run: number, action: MetricsAction): void;
};
