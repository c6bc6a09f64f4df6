import {Box, Text} from 'ink';
import {useContext} from 'react';
import {styled, ThemeContext} from './theme.js';
import type {Line} from './text.js';

type LineProps = {readonly line: Line; readonly color: boolean};

/** One line of segments as one string: one <Text> per line keeps Ink's layout and width measuring cheap. */
export function LineText({line, color}: LineProps) {
	const theme = useContext(ThemeContext);
	if (line.length === 0) {
		return <Text> </Text>;
	}

	return <Text wrap="truncate-end">{line.map((s) => (color ? styled(s.text, s.tone, theme) : s.text)).join('')}</Text>;
}

type LinesProps = {readonly lines: readonly Line[]; readonly width: number; readonly color: boolean};

/** A column of lines, `width` cells wide. */
export function Lines({lines, width, color}: LinesProps) {
	return (
		<Box flexDirection="column" width={width} flexShrink={0}>
			{lines.map((line, i) => (
				// A frame's lines never move: the row index is a stable key.
				<LineText key={i} line={line} color={color} />
			))}
		</Box>
	);
}
