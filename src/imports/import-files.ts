import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig } from '../config/configuration';

/**
 * Large uploads wait for their job in DATA_DIR/imports (a job carries ids only, and
 * workers in other processes share the data folder as they share documents). Removed
 * once read.
 */
@Injectable()
export class ImportFiles {
  private readonly dir: string;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.dir = join(app.dataDir, 'imports');
  }

  private path(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not an import id: ${id}`);
    return join(this.dir, id);
  }

  async save(id: string, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(this.path(id), bytes);
  }

  read(id: string): Promise<Buffer> {
    return readFile(this.path(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }
}
