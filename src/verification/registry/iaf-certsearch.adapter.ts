import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { registryConfig } from '../../config/configuration';
import {
  certSearchRequest,
  interpretCertSearchAnswer,
  registryFailed,
} from './iaf-certsearch.answer';
import type { RegistryAdapter, RegistryFinding, RegistryQuery } from './registry-adapter';

/**
 * IAF CertSearch (the IAF's global database of accredited certificates), through its
 * Verification Users API. Off unless IAF_CERTSEARCH_URL and IAF_CERTSEARCH_API_KEY are set.
 */
@Injectable()
export class IafCertSearchAdapter implements RegistryAdapter {
  readonly method = 'iaf_certsearch' as const;
  readonly name = 'IAF CertSearch';

  constructor(
    @Inject(registryConfig.KEY) private readonly config: ConfigType<typeof registryConfig>,
  ) {}

  isConfigured(): boolean {
    return Boolean(this.config.iafCertSearchUrl && this.config.iafCertSearchApiKey);
  }

  async lookUp(query: RegistryQuery): Promise<RegistryFinding> {
    const url = `${(this.config.iafCertSearchUrl ?? '').replace(/\/+$/, '')}/verify-companies`;
    const signal = AbortSignal.timeout(this.config.iafCertSearchTimeoutMs);
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'x-http-authorization': this.config.iafCertSearchApiKey ?? '',
        },
        body: JSON.stringify(certSearchRequest(query)),
        signal,
      });
      const text = await response.text();
      body = text.length > 0 ? safeJson(text) : null;
    } catch {
      if (signal.aborted) {
        throw registryFailed(
          `${this.name} did not answer within ${this.config.iafCertSearchTimeoutMs} ms; nothing was recorded`,
        );
      }
      throw registryFailed(`${this.name} could not be reached; nothing was recorded`);
    }
    return interpretCertSearchAnswer(response.status, body, query);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
