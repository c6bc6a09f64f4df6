// The UI's names for the one formatter (metrics/format.ts): the same figure prints the same on screen, in the summary and in the formulas.
export {
	formatBytes as bytes,
	formatClock as clock,
	formatCompactCount as compactCount,
	formatCount as count,
	formatDuration as duration,
	formatLatency as latency,
	formatPercent as percent,
	formatRate as rate,
} from '../metrics/format.js';
