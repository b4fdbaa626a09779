// A stand-in MLGraphBuilder that records every call a generated module makes, so the
// test can replay them with compiler.GraphBuilder (which mirrors MLGraphBuilder).
//
//   node mock_builder.mjs graph.js [graph.manifest.json graph.weights]
//
// Prints {"calls": [{method, args, results}]} as JSON. Operands are {"$operand": id},
// buffers {"$bytes": [...]}, non-finite numbers {"$number": "Infinity"}.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, manifestPath, weightsPath] = process.argv.slice(2);
const generated = await import(pathToFileURL(modulePath).href);

// The calls that return a sequence of operands (destructured by the module).
const SEQUENCES = new Set(["split", "gru", "lstm", "lstmCell"]);
const calls = [];
let next = 0;

function encode(value) {
  if (value && value.$operand !== undefined) return { $operand: value.$operand };
  if (Array.isArray(value)) return value.map(encode);
  if (value instanceof ArrayBuffer) return { $bytes: Array.from(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) {
    return { $bytes: Array.from(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  }
  if (typeof value === "number" && !Number.isFinite(value)) return { $number: String(value) };
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

const builder = new Proxy({}, {
  get(_, method) {
    if (method === "then") return undefined;
    if (method === "build") {
      return async (outputs) => {
        calls.push({ method, args: [encode(outputs)], results: [] });
        return { built: true };
      };
    }
    return (...args) => {
      const call = { method, args: args.map(encode), results: [] };
      calls.push(call);
      if (!SEQUENCES.has(method)) {
        call.results.push(next);
        return { $operand: next++ };
      }
      return (function* () {  // as many operands as the module destructures
        for (;;) {
          call.results.push(next);
          yield { $operand: next++ };
        }
      })();
    };
  },
});

let weights = {};
if (manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const bytes = readFileSync(weightsPath);
  weights = generated.weightsFromFile(manifest, bytes.buffer.slice(
    bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
const graph = await generated.buildGraph(builder, weights);
process.stdout.write(JSON.stringify({ calls, built: graph.built === true }));
