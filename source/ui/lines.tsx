import {Box, Text} from 'ink';
import {styleOf} from './theme.js';
import type {Line} from './text.js';

type LineProps = {readonly line: Line; readonly color: boolean};

/** One line of segments; cut (never wrapped) at its box's width. */
export function LineText({line, color}: LineProps) {
	if (line.length === 0) {
		return <Text> </Text>;
	}

	return (
		<Text wrap="truncate-end">
			{line.map((s, i) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={i} {...styleOf(s.tone, color)}>
					{s.text}
				</Text>
			))}
		</Text>
	);
}

type LinesProps = {readonly lines: readonly Line[]; readonly width: number; readonly color: boolean};

/** A column of lines, `width` cells wide. */
export function Lines({lines, width, color}: LinesProps) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, i) => (
				// eslint-disable-next-line react/no-array-index-key
				<LineText key={i} line={line} color={color} />
			))}
		</Box>
	);
}
