// Brotli for hooks/_compress.py (Python has no Brotli module here; Node's zlib does):
// reads [[input, output], ...] as JSON on stdin and writes each input compressed
// at quality 11, the size hint given, as the best static compression.
import { readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";

const pairs = JSON.parse(readFileSync(0, "utf8"));
for (const [input, output] of pairs) {
  const data = readFileSync(input);
  const text = !/\.wasm$/.test(input);
  writeFileSync(output, brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_LGWIN]: 24,
    },
  }));
}
