import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/actor';
import { assertCanSee } from '../common/factory-scope';
import { isUniqueViolation } from '../common/all-exceptions.filter';
import { TenantRepository } from '../common/tenancy';
import { Transactions } from '../database/transactions';
import { CertificatesService } from '../certificates/certificates.service';
import { CertificateDocument } from './document.entity';
import { DocumentStorage } from './document-storage';
import { detectDocumentType, DocumentType } from './document-type';
import { DocumentErrors } from './documents.errors';
import { DocumentCopy, DuplicateFlag, duplicateFlag } from './duplicate-documents';

/** What multer hands over for one uploaded file (memory storage). */
export interface UploadedDocument {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Whose file it is: a certificate, or a submission (attached to its certificate on approval). */
export interface DocumentHolder {
  organizationId: string;
  factoryId: string | null;
  certificateId: string | null;
  submissionId: string | null;
  /** A supplier audit's report, or (with findingId) a finding's evidence. */
  auditId?: string | null;
  findingId?: string | null;
}

export interface DocumentWithFlag {
  document: CertificateDocument;
  duplicate: DuplicateFlag;
}

/** Enough for a few dozen uploads to one certificate at the same moment. */
const MAX_VERSION_ATTEMPTS = 50;

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);
  private readonly documents = new TenantRepository(CertificateDocument, DocumentErrors.notFound);

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly certificates: CertificatesService,
    private readonly storage: DocumentStorage,
  ) {}

  /** Certificate documents: the certificate must be one the actor may see (404 before any 415). */
  async uploadToCertificate(
    actor: Actor,
    certificateId: string,
    file: UploadedDocument | undefined,
  ): Promise<DocumentWithFlag> {
    const certificate = await this.certificates.get(actor, certificateId);
    const holder: DocumentHolder = {
      organizationId: certificate.organizationId,
      factoryId: certificate.factoryId,
      certificateId: certificate.id,
      submissionId: null,
    };
    return this.upload(actor, holder, checked(file));
  }

  /**
   * For the submissions and audits features, once they have checked the actor may see the
   * holder; `only` narrows the accepted types (an audit report must be a PDF).
   */
  uploadTo(
    actor: Actor,
    holder: DocumentHolder,
    file: UploadedDocument | undefined,
    only?: readonly string[],
  ): Promise<DocumentWithFlag> {
    const upload = checked(file);
    if (only && !only.includes(upload.type.contentType)) throw DocumentErrors.notAccepted(only);
    return this.upload(actor, holder, upload);
  }

  /** The files of a supplier audit: its reports and its findings' evidence, newest first. */
  async listForAudit(organizationId: string, auditId: string): Promise<DocumentWithFlag[]> {
    const [documents] = await this.documents.list(this.transactions.manager, organizationId, {
      where: { auditId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return this.withFlags(documents);
  }

  /**
   * For the evidence pack: the newest file of each certificate, with its bytes when
   * `withContent` (a file missing from storage is then left out rather than failing the pack).
   */
  async latestOfCertificates(
    organizationId: string,
    certificateIds: string[],
    withContent = true,
  ): Promise<Map<string, { document: CertificateDocument; content: Buffer }>> {
    const latest = new Map<string, { document: CertificateDocument; content: Buffer }>();
    if (certificateIds.length === 0) return latest;
    const [documents] = await this.documents.list(this.transactions.manager, organizationId, {
      where: { certificateId: In([...new Set(certificateIds)]) },
      order: { version: 'DESC', id: 'ASC' },
    });
    for (const document of documents) {
      if (!document.certificateId || latest.has(document.certificateId)) continue;
      if (!withContent) {
        latest.set(document.certificateId, { document, content: Buffer.alloc(0) });
        continue;
      }
      try {
        latest.set(document.certificateId, {
          document,
          content: await this.storage.get(document.storageKey),
        });
      } catch (error) {
        this.logger.warn(`Document ${document.id} is missing from storage: ${String(error)}`);
      }
    }
    return latest;
  }

  /**
   * The bytes are stored before the row is written (a row must never point at nothing);
   * if the transaction fails, the stored file is removed again.
   */
  private async upload(
    actor: Actor,
    holder: DocumentHolder,
    { file, type }: CheckedUpload,
  ): Promise<DocumentWithFlag> {
    const document = this.documents.repo(this.transactions.manager).create({
      ...holder,
      fileName: cleanFileName(file.originalname, type.extension),
      contentType: type.contentType,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      uploadedById: actor.userId,
    });
    document.storageKey = `${holder.organizationId}/${document.id}.${type.extension}`;
    await this.storage.put(document.storageKey, file.buffer);
    try {
      // The next version is read, then written: two uploads at once may pick the same
      // number. The unique index refuses the second, which then tries again with the
      // number after the winner's.
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.insertNextVersion(actor, holder, document);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= MAX_VERSION_ATTEMPTS) throw error;
          await sleep(Math.random() * 10 * attempt);
        }
      }
    } catch (error) {
      await this.storage.delete(document.storageKey).catch((cleanup: Error) => {
        this.logger.warn(`Could not remove ${document.storageKey}: ${cleanup.message}`);
      });
      throw error;
    }
  }

  private insertNextVersion(
    actor: Actor,
    holder: DocumentHolder,
    document: CertificateDocument,
  ): Promise<DocumentWithFlag> {
    return this.transactions.run(async (manager) => {
      document.version = (await this.latestVersion(holder)) + 1;
      await this.documents.repo(manager).insert(document);
      const saved = await this.documents.get(manager, holder.organizationId, document.id);
      const [{ duplicate }] = await this.withFlags([saved]);
      await this.audit.recordBy(actor, 'document.uploaded', 'document', saved.id, null, {
        certificateId: saved.certificateId,
        submissionId: saved.submissionId,
        fileName: saved.fileName,
        contentType: saved.contentType,
        size: saved.size,
        sha256: saved.sha256,
        version: saved.version,
      });
      if (duplicate.flagged) {
        await this.audit.recordBy(
          actor,
          'document.duplicate_detected',
          'document',
          saved.id,
          null,
          { sha256: saved.sha256, ...duplicate },
        );
      }
      return { document: saved, duplicate };
    });
  }

  async listForCertificate(actor: Actor, certificateId: string): Promise<DocumentWithFlag[]> {
    const certificate = await this.certificates.get(actor, certificateId);
    const [documents] = await this.documents.list(this.transactions.manager, actor.organizationId, {
      where: { certificateId: certificate.id },
      order: { version: 'DESC', id: 'ASC' },
    });
    return this.withFlags(documents);
  }

  async listForSubmission(
    organizationId: string,
    submissionId: string,
  ): Promise<DocumentWithFlag[]> {
    const [documents] = await this.documents.list(this.transactions.manager, organizationId, {
      where: { submissionId },
      order: { version: 'DESC', id: 'ASC' },
    });
    return this.withFlags(documents);
  }

  /** A document the actor may see: a factory manager only their own factory's. */
  async get(actor: Actor, id: string): Promise<DocumentWithFlag> {
    const document = await this.documents.get(this.transactions.manager, actor.organizationId, id);
    assertCanSee(actor, document.factoryId, DocumentErrors.notFound);
    const [withFlag] = await this.withFlags([document]);
    return withFlag;
  }

  async download(
    actor: Actor,
    id: string,
  ): Promise<{ document: CertificateDocument; content: Buffer }> {
    const { document } = await this.get(actor, id);
    return { document, content: await this.storage.get(document.storageKey) };
  }

  /**
   * A submission's files join the certificate it created or changed, numbered after the
   * versions the certificate already has: in the approval's transaction (called inside
   * its `run`), else in one of its own.
   */
  attachSubmissionDocuments(
    organizationId: string,
    submissionId: string,
    certificate: { id: string; factoryId: string | null },
  ): Promise<number> {
    return this.transactions.run(async (manager) => {
      const pending = await this.documents.findMany(manager, organizationId, {
        where: { submissionId, certificateId: IsNull() },
        order: { version: 'ASC', id: 'ASC' },
      });
      let version = await this.latestVersion({
        organizationId,
        certificateId: certificate.id,
        submissionId: null,
        factoryId: certificate.factoryId,
      });
      for (const document of pending) {
        version += 1;
        await this.documents.update(
          manager,
          organizationId,
          { id: document.id },
          { certificateId: certificate.id, factoryId: certificate.factoryId, version },
        );
      }
      return pending.length;
    });
  }

  private async latestVersion(holder: DocumentHolder): Promise<number> {
    const where = holder.certificateId
      ? { organizationId: holder.organizationId, certificateId: holder.certificateId }
      : holder.findingId
        ? { organizationId: holder.organizationId, findingId: holder.findingId }
        : holder.auditId
          ? { organizationId: holder.organizationId, auditId: holder.auditId, findingId: IsNull() }
          : { organizationId: holder.organizationId, submissionId: holder.submissionId ?? '' };
    const latest = await this.documents
      .repo(this.transactions.manager)
      .findOne({ where, order: { version: 'DESC' }, select: { id: true, version: true } });
    return latest?.version ?? 0;
  }

  /**
   * The one read that crosses organizations: it looks only at where copies of the same
   * SHA-256 sit, and what it tells of another organization is a single boolean.
   */
  private async withFlags(documents: CertificateDocument[]): Promise<DocumentWithFlag[]> {
    if (documents.length === 0) return [];
    const hashes = [...new Set(documents.map((d) => d.sha256))];
    // Across organizations on purpose: where copies of the same SHA-256 sit (see above).
    const copies = await this.documents.acrossTenants(this.transactions.manager).find({
      where: { sha256: In(hashes) },
      select: {
        id: true,
        organizationId: true,
        factoryId: true,
        certificateId: true,
        sha256: true,
      },
    });
    return documents.map((document) => ({
      document,
      duplicate: duplicateFlag(
        copyOf(document),
        copies.filter((c) => c.sha256 === document.sha256).map(copyOf),
      ),
    }));
  }
}

function copyOf(document: CertificateDocument): DocumentCopy {
  return {
    documentId: document.id,
    organizationId: document.organizationId,
    factoryId: document.factoryId,
    certificateId: document.certificateId,
  };
}

interface CheckedUpload {
  file: UploadedDocument;
  type: DocumentType;
}

/** Judged by content: the name and the type the client claims are ignored. */
function checked(file: UploadedDocument | undefined): CheckedUpload {
  if (!file || !Buffer.isBuffer(file.buffer)) throw DocumentErrors.missingFile();
  if (file.buffer.length === 0) throw DocumentErrors.emptyFile();
  const type = detectDocumentType(file.buffer);
  if (!type) throw DocumentErrors.unsupportedType();
  return { file, type };
}

/** The client's name for the file, without any path, control characters or a misleading extension. */
function cleanFileName(original: string | undefined, extension: string): string {
  const name = basename((original ?? '').replace(/\\/g, '/'))
    .split('')
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\u007f' && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  const stem = name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'document';
  return `${stem}.${extension}`;
}
