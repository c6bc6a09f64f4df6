import {Lines} from '../text/line-text.js';
import {modelLines, type ModelProps} from '../lines/model-lines.js';

/** The model's two terms with the run's numbers beside the measured time, and the note when there is one. */
export function Model(props: ModelProps) {
	return <Lines lines={modelLines(props)} width={props.width} color={props.color} />;
}
