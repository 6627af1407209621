import { getMetadataStorage } from 'class-validator';
import { CreateCertificateDto } from '../certificates/dto/certificate.dto';
import { CreateFactoryDto } from '../factories/dto/factory.dto';

/**
 * Imports validate each row with validateSync (imports.service.ts), which skips an
 * asynchronous rule: the API's ValidationPipe would run it, so the two would differ.
 */
describe('the rules imports validate rows with', () => {
  it.each([
    ['CreateCertificateDto', CreateCertificateDto],
    ['CreateFactoryDto', CreateFactoryDto],
  ])('%s has no asynchronous rule', (_, dto) => {
    const storage = getMetadataStorage();
    const metadatas = storage.getTargetValidationMetadatas(dto, '', true, false);
    expect(metadatas.length).toBeGreaterThan(5);
    const asynchronous = metadatas.filter((m) =>
      storage.getTargetValidatorConstraints(m.constraintCls).some((c) => c.async),
    );
    expect(asynchronous.map((m) => `${m.propertyName}: ${m.name ?? m.type}`)).toEqual([]);
  });
});
