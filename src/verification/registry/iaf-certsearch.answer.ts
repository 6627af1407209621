import { DomainError } from '../../common/errors';
import type { RegistryFinding, RegistryQuery } from './registry-adapter';

/**
 * The shapes of IAF CertSearch's Verification Users API, `POST /verify-companies`, as
 * documented at https://support.iafcertsearch.org/verification-users-api-developer-guide
 * (API Integration › Verification APIs › Verify Companies):
 * - header `x-http-authorization: <API key>`, `Content-Type: application/json`;
 * - body `{ company_name, company_country (name, alpha-2 or alpha-3), company_identifiers:
 *   { vat, tax_id, business_registration_number, duns_number, company_id_number },
 *   match_rate }`; with `match_rate` 100 and a single matched entity, the answer carries
 *   the entity's certificates;
 * - answer `{ data: CertifiedEntity | CertifiedEntity[] }`, where an entity has `ce_id`,
 *   `matched_certified_entity_name`, `match_status`, `match_type` and `certificates`
 *   (`cert_id`, `certification_number`, `certification_status`,
 *   `certification_bodies_name`, `accreditation_bodies_name`, `certification_scope`,
 *   `certification_standards_scheme: [{ standard_name, scheme_name, is_accredited_mla }]`).
 *
 * `certification_status` takes the values of the IAF CertSearch certification status
 * dataset (IAF MD 28 certification data fields; support.iafcertsearch.org, "Certification
 * Status"), mapped in CERTSEARCH_STATUSES below.
 *
 * ASSUMPTIONS (not found in the public documentation; check them against a real account):
 * - `certification_expiry_date` (YYYY-MM-DD…) as the name of the expiry field; when it is
 *   absent the expiry is not compared;
 * - HTTP 404, an empty `data`, or entities without our certificate number mean "not found".
 */
export interface CertSearchRequest {
  company_name: string;
  company_country: string;
  company_identifiers: {
    vat: string | null;
    tax_id: string | null;
    business_registration_number: string | null;
    duns_number: string | null;
    company_id_number: string | null;
  };
  match_rate: number;
}

export interface CertSearchCertificate {
  cert_id?: string;
  certification_number?: string;
  certification_status?: string;
  certification_bodies_name?: string;
  accreditation_bodies_name?: string;
  certification_scope?: string;
  certification_standards_scheme?: { standard_name?: string; scheme_name?: string }[];
  certification_expiry_date?: string;
}

export interface CertSearchEntity {
  ce_id?: string;
  matched_certified_entity_name?: string;
  match_status?: string;
  match_type?: string;
  certificates?: CertSearchCertificate[];
}

export function certSearchRequest(query: RegistryQuery): CertSearchRequest {
  return {
    company_name: query.holderName,
    company_country: query.holderCountry,
    company_identifiers: {
      vat: null,
      tax_id: null,
      business_registration_number: query.holderLicenseNumber,
      duns_number: null,
      company_id_number: null,
    },
    match_rate: 100,
  };
}

const NAME = 'IAF CertSearch';

export interface CertSearchStatus {
  /** The status as IAF CertSearch writes it. */
  label: string;
  /** What the documentation says it means. */
  meaning: string;
  /** What it makes of the certificate here. */
  result: RegistryFinding['result'];
}

/**
 * Every certification status of the IAF CertSearch dataset (IAF MD 28 certification data
 * fields, v2.1; support.iafcertsearch.org › IAF CertSearch dataset › Certification
 * Status), then the statuses certification bodies see in their own data management
 * pages (hidden, cbwithdrawn, pending, deleted), keyed in lower case.
 */
export const CERTSEARCH_STATUSES: Readonly<Record<string, CertSearchStatus>> = {
  active: {
    label: 'Active',
    meaning: 'the certification is currently valid, in effect and compliant.',
    result: 'confirmed',
  },
  inactive: {
    label: 'Inactive',
    meaning:
      'the certification is not valid and cannot be associated with any certification status.',
    result: 'mismatch',
  },
  suspended: {
    label: 'Suspended',
    meaning: 'the certification body has suspended the certificate.',
    result: 'suspended',
  },
  cancelled: {
    label: 'Cancelled',
    meaning: 'the certification is permanently revoked or terminated and no longer valid.',
    result: 'withdrawn',
  },
  canceled: {
    label: 'Canceled',
    meaning: 'the certification is permanently revoked or terminated and no longer valid.',
    result: 'withdrawn',
  },
  draft: {
    label: 'Draft',
    meaning: 'a draft, not yet published: it proves no certification.',
    result: 'not_found',
  },
  withdrawn: {
    label: 'Withdrawn',
    meaning: 'the certification body has withdrawn the certificate.',
    result: 'withdrawn',
  },
  cbwithdrawn: {
    label: 'CB withdrawn',
    meaning: 'withdrawn by the certification body.',
    result: 'withdrawn',
  },
  expired: {
    label: 'Expired',
    meaning: 'the certification reached its end date without renewal, unlike the record here.',
    result: 'mismatch',
  },
  hidden: {
    label: 'Hidden',
    meaning: 'not shown to the public: it proves no certification.',
    result: 'not_found',
  },
  pending: {
    label: 'Pending',
    meaning: 'not yet in effect: it proves no certification.',
    result: 'not_found',
  },
  deleted: {
    label: 'Deleted',
    meaning: 'removed from the database: it proves no certification.',
    result: 'not_found',
  },
};

export function registryFailed(message: string): DomainError {
  return new DomainError('upstream_failed', 'VERIFICATION.REGISTRY_FAILED', message);
}

/** Letters and digits only, upper case: "ISO 9001:2015" = "iso9001-2015". */
function key(text: string | undefined | null): string {
  return (text ?? '').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Reads an HTTP answer of `POST /verify-companies` as a finding, or throws `upstream_failed`. */
export function interpretCertSearchAnswer(
  status: number,
  body: unknown,
  query: RegistryQuery,
): RegistryFinding {
  const finding = (
    result: RegistryFinding['result'],
    notes: string,
    reference: string | null = null,
  ): RegistryFinding => ({ method: 'iaf_certsearch', result, reference, evidenceUrl: null, notes });

  if (status === 404) {
    return finding('not_found', `${NAME} has no certified entity matching ${query.holderName}.`);
  }
  if (status === 401 || status === 403) {
    throw registryFailed(
      `${NAME} refused the API key (HTTP ${status}); check IAF_CERTSEARCH_API_KEY`,
    );
  }
  if (status === 429)
    throw registryFailed(`${NAME} is rate limiting us (HTTP 429); try again later`);
  if (status < 200 || status >= 300) {
    throw registryFailed(`${NAME} could not answer (HTTP ${status}); nothing was recorded`);
  }
  if (typeof body !== 'object' || body === null || !('data' in body)) {
    throw registryFailed(`${NAME} answered something that is not a verification result`);
  }
  const data = (body as { data: unknown }).data;
  const entities = (Array.isArray(data) ? data : data ? [data] : []) as CertSearchEntity[];
  const wanted = key(query.certificateNumber);
  for (const entity of entities) {
    const certificate = (entity.certificates ?? []).find(
      (c) => key(c.certification_number) === wanted,
    );
    if (!certificate) continue;
    const reference = certificate.cert_id ?? null;
    const seen = `${NAME} lists certificate ${query.certificateNumber} for ${entity.matched_certified_entity_name ?? query.holderName}`;
    const statusText = certificate.certification_status ?? '';
    const status = CERTSEARCH_STATUSES[statusText.trim().toLowerCase()];
    if (!status) {
      return finding(
        'mismatch',
        `${seen} with the status "${statusText}", which is not one IAF CertSearch documents.`,
        reference,
      );
    }
    if (status.result !== 'confirmed') {
      return finding(status.result, `${seen} as ${status.label}: ${status.meaning}`, reference);
    }
    const standards = (certificate.certification_standards_scheme ?? [])
      .map((s) => key(s.standard_name))
      .filter((s) => s.length > 0);
    if (standards.length > 0 && !standards.some((s) => s.includes(key(query.standard)))) {
      return finding(
        'mismatch',
        `${seen} for ${(certificate.certification_standards_scheme ?? []).map((s) => s.standard_name).join(', ')}, not ${query.standard}.`,
        reference,
      );
    }
    const expiry = certificate.certification_expiry_date?.slice(0, 10);
    if (expiry && expiry !== query.expiresOn) {
      return finding(
        'mismatch',
        `${seen} expiring on ${expiry}, not ${query.expiresOn}.`,
        reference,
      );
    }
    return finding('confirmed', `${seen} as valid.`, reference);
  }
  if (entities.length === 0) {
    return finding('not_found', `${NAME} has no certified entity matching ${query.holderName}.`);
  }
  return finding(
    'not_found',
    `${NAME} matched ${query.holderName} but lists no certificate numbered ${query.certificateNumber} for it.`,
  );
}
