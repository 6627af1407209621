/**
 * The benchmarks' local SMTP server, as a process of its own (forked by
 * reminders.bench.ts), so that receiving mail costs the measured worker process nothing,
 * as with a real mail server. It accepts every message, counts them, and answers the
 * parent's `{ waitFor: n }` with `{ received: n, cpuMs }` once n messages have arrived (cpuMs:
 * its CPU since the request, so a run can tell whether the sink was the bottleneck).
 */
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let received = 0;
let cpuBefore = process.cpuUsage();

/** This process's CPU since it was asked to wait (what receiving the mail cost). */
function cpuMs(): number {
  const cpu = process.cpuUsage(cpuBefore);
  return (cpu.user + cpu.system) / 1000;
}
let waitingFor: number | null = null;

function answer(): void {
  if (waitingFor !== null && received >= waitingFor) {
    process.send?.({ received, cpuMs: cpuMs() });
    waitingFor = null;
  }
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received++;
      answer();
      callback();
    });
  },
});

process.on('message', (message: { waitFor?: number; close?: boolean }) => {
  if (message.close) server.close(() => process.exit(0));
  if (message.waitFor !== undefined) {
    waitingFor = message.waitFor;
    cpuBefore = process.cpuUsage();
    answer();
  }
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
