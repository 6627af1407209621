import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { documentsConfig } from '../config/configuration';

/**
 * Where document bytes live. The database keeps only the key; a bucket-backed
 * implementation can replace the folder one by providing this class.
 */
export abstract class DocumentStorage {
  abstract put(key: string, content: Buffer): Promise<void>;
  abstract get(key: string): Promise<Buffer>;
  abstract delete(key: string): Promise<void>;
}

/** A folder on disk (DATA_DIR/documents by default); files are written whole, then renamed into place. */
@Injectable()
export class FolderDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(@Inject(documentsConfig.KEY) config: ConfigType<typeof documentsConfig>) {
    super();
    this.root = resolve(config.dir);
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(partial, content);
    await rename(partial, path);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid document storage key ${key}`);
    return path;
  }
}
