import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Port } from '../common/port';
import type { CertificateBacking, CertificateInsightSource } from './certificate-links';

/**
 * Where the features that know more about certificates plug in: verification (state and
 * signals) and agreements (which agreements back a certificate). Both depend on the
 * certificates feature, so it cannot import them; their modules fill these in when they
 * start, and the application refuses to start if one did not.
 */
@Injectable()
export class CertificateLinksService implements OnApplicationBootstrap {
  readonly insights = new Port<CertificateInsightSource>(
    'CertificateInsightSource',
    'VerificationModule',
  );
  readonly backing = new Port<CertificateBacking>('CertificateBacking', 'AgreementsModule');

  onApplicationBootstrap(): void {
    this.insights.assertProvided();
    this.backing.assertProvided();
  }
}
