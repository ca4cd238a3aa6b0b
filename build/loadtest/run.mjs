// The web service under load (issue #24), driven by autocannon (a maintained HTTP load generator from the npm registry).
//
//   node build/loadtest/run.mjs --url http://127.0.0.1:5080 --token TOKEN --seconds 180 --connections 64 --acked acked.txt
//
// One autocannon instance per endpoint, all running at once, so each endpoint's latency is its own: reads of the main
// questions (portfolio, financial years, timeline, recruitment, changes between two instants, what happened between two
// valid dates) and writes (a new pledge per request, each with its own commitment id and Idempotency-Key, dated 2030 so
// that the reads, all asked as of 2024 and 2025, keep answering the same figures while the store grows). Every
// response's time is kept (autocannon's 'response' event) for p50/p95/p99 per endpoint; every write answered 201 is
// written to --acked, one commitment id per line, for the caller to read back. Prints one JSON summary on stdout.
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || i + 1 >= process.argv.length) {
    if (fallback === undefined) {
      console.error(`error: --${name} is required`);
      process.exit(2);
    }
    return fallback;
  }
  return process.argv[i + 1];
}

const url = option('url');
const token = option('token');
const seconds = Number(option('seconds', '15'));
const connections = Number(option('connections', '16'));
const acked = option('acked');
if (!Number.isInteger(seconds) || seconds < 1 || !Number.isInteger(connections) || connections < 6) {
  console.error('error: --seconds must be a whole number of at least 1 and --connections at least 6');
  process.exit(2);
}

const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
const reads = [
  ['GET /funding', '/funding?asOf=2024-11-05'],
  ['GET /funding/financial-years', '/funding/financial-years?from=2024/25&to=2028/29&asOf=2025-12-31'],
  ['GET /timeline', '/timeline?asOf=2024-12-31&knownAt=2024-11-07T00:00:00Z'],
  ['GET /recruitment', '/recruitment?asOf=2024-12-31'],
  ['GET /changes', '/changes?knownAfter=2024-10-01T00:00:00Z&knownBy=2024-11-07T00:00:00Z&pageSize=100'],
  ['GET /happened', '/happened?from=2024-09-01&to=2024-11-30'],
];
// Writes get a third of the connections; the reads share the rest.
const writeConnections = Math.max(1, Math.floor(connections / 3));
const readConnections = Math.max(1, Math.floor((connections - writeConnections) / reads.length));
const ackedIds = [];

function pledge(id) {
  return JSON.stringify({
    commitmentId: id, recipient: 'Load Test Recipient', amount: 1000000, basis: 'Firm', originName: 'Load test',
    period: { description: '2025-26' }, purpose: 'Load test', announcedBy: 'Load test', validOn: '2030-01-15',
    provenance: [{ document: 'load-test.txt', headline: 'A generated pledge' }],
  });
}

function run(name, options) {
  const times = [];
  const statuses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, duration: seconds, ...options }, (error, result) => {
      if (error) {
        reject(error);
        return;
      }
      times.sort((a, b) => a - b);
      const at = (p) => (times.length === 0 ? null : times[Math.min(times.length - 1, Math.max(0, Math.ceil((p / 100) * times.length) - 1))]);
      resolve({
        endpoint: name, connections: options.connections, requests: times.length, perSecond: Math.round(times.length / seconds),
        p50: at(50), p95: at(95), p99: at(99), max: at(100), statuses, errors: result.errors, timeouts: result.timeouts,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      statuses[`${Math.floor(statusCode / 100)}xx`] = (statuses[`${Math.floor(statusCode / 100)}xx`] ?? 0) + 1;
    });
  });
}

const runs = reads.map(([name, path]) => run(name, { connections: readConnections, headers: auth, requests: [{ method: 'GET', path }] }));
runs.push(run('POST /requests/PledgeFunding', {
  connections: writeConnections,
  requests: [{
    method: 'POST',
    path: '/requests/PledgeFunding',
    setupRequest: (request, context) => {
      context.id = `funding:load-${randomUUID()}`;
      return {
        ...request,
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': context.id },
        body: pledge(context.id),
      };
    },
    onResponse: (status, _body, context) => {
      if (status === 201) {
        ackedIds.push(context.id);
      }
    },
  }],
}));

const endpoints = await Promise.all(runs);
if (acked) {
  writeFileSync(acked, ackedIds.join('\n') + (ackedIds.length > 0 ? '\n' : ''));
}
console.log(JSON.stringify({ url, seconds, connections, writesAcknowledged: ackedIds.length, endpoints }, null, 2));
