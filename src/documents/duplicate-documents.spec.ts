import { DocumentCopy, duplicateFlag } from './duplicate-documents';

const own: DocumentCopy = {
  documentId: 'd1',
  organizationId: 'org-a',
  factoryId: 'factory-1',
  certificateId: 'cert-1',
};
const copy = (overrides: Partial<DocumentCopy>): DocumentCopy => ({
  ...own,
  documentId: 'd2',
  ...overrides,
});

describe('duplicateFlag', () => {
  it.each<[string, DocumentCopy[], ReturnType<typeof duplicateFlag>]>([
    [
      'no other copy',
      [own],
      { flagged: false, otherOrganization: false, otherHolderCertificateIds: [] },
    ],
    [
      'a version of the same factory',
      [own, copy({ certificateId: 'cert-2' })],
      { flagged: false, otherOrganization: false, otherHolderCertificateIds: [] },
    ],
    [
      'another factory of the same organization',
      [copy({ factoryId: 'factory-2', certificateId: 'cert-9' })],
      { flagged: true, otherOrganization: false, otherHolderCertificateIds: ['cert-9'] },
    ],
    [
      "the trader's own certificate",
      [copy({ factoryId: null, certificateId: 'cert-own' })],
      { flagged: true, otherOrganization: false, otherHolderCertificateIds: ['cert-own'] },
    ],
    [
      'another factory, still on a pending submission',
      [copy({ factoryId: 'factory-2', certificateId: null })],
      { flagged: true, otherOrganization: false, otherHolderCertificateIds: [] },
    ],
    [
      'another organization, even with the same factory id shape',
      [copy({ organizationId: 'org-b', certificateId: 'their-cert' })],
      { flagged: true, otherOrganization: true, otherHolderCertificateIds: [] },
    ],
  ])('%s', (_, copies, expected) => {
    expect(duplicateFlag(own, copies)).toEqual(expected);
  });
});
