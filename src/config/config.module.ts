import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { allConfigs } from './configuration';
import { parseEnvironment } from './environment';
import { ProductVocabularyFile } from './product-vocabulary';
import { StandardsCatalog } from './standards-catalog';
import { Clock } from '../common/clock';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      ignoreEnvFile: true,
      load: allConfigs,
      validate: (raw) => {
        parseEnvironment(raw as Record<string, string | undefined>);
        return raw;
      },
    }),
  ],
  providers: [StandardsCatalog, ProductVocabularyFile, Clock],
  exports: [StandardsCatalog, ProductVocabularyFile, Clock],
})
export class AppConfigModule {}
