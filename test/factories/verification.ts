import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvitationsService } from '../../src/auth/invitations.service';
import { Transactions } from '../../src/database/transactions';
import type { Account } from '../support/accounts';
import type { TestApp } from '../support/app';

export type RegistryBehaviour =
  | { kind: 'certified'; certificateNumber: string; status: string; standard?: string }
  | { kind: 'unknown' }
  | { kind: 'hang' }
  | { kind: 'error'; status: number };

export interface SeenRequest {
  path: string;
  apiKey: string | undefined;
  body: Record<string, unknown>;
}

/**
 * A local stand-in for IAF CertSearch's `POST /verify-companies`, answering in its
 * documented shapes; what it says about a company is set per company name by the test.
 */
export class FakeCertSearch {
  readonly behaviours = new Map<string, RegistryBehaviour>();
  readonly requests: SeenRequest[] = [];
  private readonly hanging: ServerResponse[] = [];
  private server: Server | null = null;

  constructor(private readonly apiKey: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const apiKey = req.headers['x-http-authorization'] as string | undefined;
    this.requests.push({ path: req.url ?? '', apiKey, body });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.method !== 'POST' || req.url !== '/verify-companies') return send(404, { title: 'Not found', status: 404 });
    if (apiKey !== this.apiKey) return send(401, { title: 'Unauthorized access.', status: 401, code: 'unauthorized' });
    const behaviour = this.behaviours.get(String(body.company_name)) ?? { kind: 'unknown' };
    switch (behaviour.kind) {
      case 'hang':
        this.hanging.push(res);
        return;
      case 'error':
        return send(behaviour.status, { title: 'Internal server error', status: behaviour.status });
      case 'unknown':
        return send(200, { data: [] });
      case 'certified':
        return send(200, {
          data: {
            ce_id: 'ce_KMi1zsb9CH2EorSzOJ9YEgtV',
            matched_certified_entity_name: String(body.company_name).toUpperCase(),
            match_status: 'matched',
            match_type: 'exactly_matched',
            country: body.company_country,
            certificates: [
              {
                cert_id: `cert_${behaviour.certificateNumber}`,
                certification_number: behaviour.certificateNumber,
                certification_status: behaviour.status,
                certification_bodies_name: 'China Quality Certification Centre',
                accreditation_bodies_name: 'CNAS',
                certification_scope: 'Design and manufacture of industrial valves',
                certification_standards_scheme: [
                  { standard_name: behaviour.standard ?? 'ISO 9001:2015', scheme_name: 'QMS', is_accredited_mla: true },
                ],
              },
            ],
          },
        });
    }
  }
}

/**
 * A factory manager of `factoryId`, invited through the invitations service (the HTTP
 * route for inviting managers belongs to another feature) and joined over HTTP.
 */
export async function addFactoryManager(t: TestApp, admin: Account, factoryId: string): Promise<{ auth: { Authorization: string } }> {
  const transactions = t.app.get(Transactions);
  const invitations = t.app.get(InvitationsService);
  const { issued } = await transactions.run(() =>
    invitations.issue({
      organizationId: admin.organizationId,
      email: `manager-${randomBytes(4).toString('hex')}@factory.example`,
      name: 'Factory Manager',
      role: 'factory_manager',
      factoryId,
      invitedById: admin.userId,
    }),
  );
  const accepted = await t.http().post('/api/v1/auth/accept-invitation').send({ token: issued.token, password: 'another-long-password' }).expect(200);
  return { auth: { Authorization: `Bearer ${(accepted.body as { accessToken: string }).accessToken}` } };
}
