import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DocumentsModule } from '../documents/documents.module';
import { FactoriesModule } from '../factories/factories.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { UsersModule } from '../users/users.module';
import { FactoryAccessController } from './factory-access.controller';
import { FactoryAccessService } from './factory-access.service';

/**
 * Everything factory managers need to keep their own factory's certificates current:
 * their invitation, submissions for review, and certificate documents.
 */
@Module({
  imports: [
    AuthModule,
    OrganizationsModule,
    UsersModule,
    FactoriesModule,
    DocumentsModule,
    SubmissionsModule,
  ],
  controllers: [FactoryAccessController],
  providers: [FactoryAccessService],
})
export class FactoryAccessModule {}
