import {Lines} from '../text/line-text.js';
import {taskLegendLine, taskRows, type TaskRowsInput} from '../lines/task-rows.js';

export type TaskViewProps = TaskRowsInput & {readonly color: boolean};

/** One row per recent task, on the lanes' time axis: where it was on a core and where it waited. */
export function TaskView({color, ...input}: TaskViewProps) {
	return <Lines lines={[...taskRows(input), taskLegendLine(input.width)]} width={input.width} color={color} />;
}
