// Preloaded by the benchmark only (`node --import dist/tools/bench-rss.js bin/eropaf.js …`): when
// the process exits, writes its peak resident set size (KiB, all threads) to the file named by
// EROPAF_BENCH_RSS_FILE. eropaf itself has no flag or code for this; without the variable this
// module does nothing.

import fs from 'node:fs';

const file = process.env.EROPAF_BENCH_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
