import {REQUEST_STEPS} from '../config/config-cycle.js';
import {MODE_KEYS, MODES} from '../config/modes.js';
import {formatCount} from '../i18n/format.js';

/** The --help text. docs/usage.md's "Usage" section is this text, word for word (a test checks it). */
export const HELP = `
Usage
  $ concviz [options]            live dashboard (headless when stdout is not a terminal, or with --json)
  $ concviz serve [options]      run the embedded latency server in the foreground
  $ concviz compare [options]    run every mode on the same workload, then a leaderboard
  $ concviz tour [options]       the talk, scene by scene: → PageDown Enter next, ← PageUp back, r rerun
  $ concviz export FILE.cast (--html OUT.html | --svg OUT.svg [--at SECONDS])
                                 a recording as a page that plays offline, or one frame as an SVG
  $ concviz replay FILE [--json]  a run kept with --save, on the dashboard: space pause, ←/→ 5 s, </> a frame,
                                 Home/End, [/] speed ×0.25…×8, m/M markers, q quit; --json: the live run's result

Options
  --mode, -m         ${MODES.join('|')} (default: ${MODES[0]})
  --work, -w         io|cpu|mixed (default: io)
  --requests, -n     number of tasks (default: 400); 4000, 4,000, 4_000, 4k, 4e3, 1.5k and 4M all work
  --urls FILE        file of URLs, one a line, # comments; a regular file up to 256 MB (pipes, devices refused)
  --latency MS       server latency T in ms (default: 100)
  --jitter MS        latency jitter, ± ms (default: 0)
  --workers, -p      processes or threads (default: number of CPUs)
  --threads          threads per process in processes-threads (default: 4)
  --concurrency, -c  requests in flight per event loop in async modes (default: 1000)
  --cpu-ms MS        CPU cost per task in ms for cpu and mixed work (default: 10)
  --timeout MS       deadline in ms for the whole request: connect, headers and body (default: 10000)
  --rate R           open model: R requests/s in total on a fixed schedule, whatever the answers (default: off)
  --gil              serialise CPU work across the threads of a process, as CPython's GIL does
  --runtime R        node|python: Node's lanes, or the talk's own Python programs (default: node)
  --python PATH      interpreter for --runtime python (default: CONCVIZ_PYTHON, else python3)
  --fail-rate F      embedded server answers 500 for this fraction of requests (default: 0)
  --body-bytes N     embedded server response body size (default: 1024)
  --seed N           seed for jitter and fail-rate draws (default: random)
  --fps N            dashboard frame rate (default: 10)
  --theme T          dark|light|contrast: dark, a white background, a projector (default: dark)
  --no-color         no colour (NO_COLOR in the environment does the same)
  --json             no dashboard: print one JSON result object (an array for compare) to stdout
  --record FILE      write an asciicast v2 recording of the dashboard (fails up front if FILE can't be written)
  --trace FILE       write the run as Chrome trace event JSON (ui.perfetto.dev, chrome://tracing)
  --save FILE        keep the run's events, compressed, for concviz replay FILE (fails up front if FILE can't be written)
  --port N           (serve) port, 0 = any free one (default: 0)
  --lang L           en|pt: captions, lessons, legend, help and summary (default: from the locale)
  --autoplay S       (tour) each scene runs, waits S seconds, goes on; without it the presenter moves on (--autoplay alone: 8)
  --help, --version

Keys
  ${MODE_KEYS} mode · w workload · +/- workers · [/] concurrency · n requests ${REQUEST_STEPS.map((step) => formatCount(step)).join('/')} and the start
  r restart · space pause · c compare all modes · g GIL · ? help · q quit

Exit codes
  0 done (failed requests included) · 1 the run could not complete (also: Node.js older than 22)
  2 bad usage or bad input (one line on stderr); a flag given twice: the last one wins

Examples
  $ concviz -m async -n 4000
  $ concviz compare --work cpu -n 200 --cpu-ms 20
  $ concviz -m processes --json > result.json
  $ concviz serve --port 8080 --latency 100
`;
