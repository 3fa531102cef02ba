// Brotli for hooks/_compress.py (Python has no Brotli module here; Node's zlib does):
// reads [[input, output], ...] as JSON on stdin and writes each input compressed
// at the quality given as the first argument (default 11, the best static compression), the size hint given.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const pairs = JSON.parse(readFileSync(0, "utf8"));
const quality = process.argv[2] === undefined ? constants.BROTLI_MAX_QUALITY : Number(process.argv[2]);
for (const [input, output] of pairs) {
  const data = readFileSync(input);
  const text = !/\.wasm$/.test(input);
  writeFileSync(output, brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: 24,
    },
  }));
}
