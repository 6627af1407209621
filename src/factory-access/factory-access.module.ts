import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { UsersModule } from '../users/users.module';
import { FactoryAccessController } from './factory-access.controller';
import { FactoryAccessService } from './factory-access.service';

/**
 * Everything factory managers need to keep their own factory's certificates current:
 * their invitation, submissions for review, and certificate documents.
 */
@Module({
  imports: [UsersModule, DocumentsModule, SubmissionsModule],
  controllers: [FactoryAccessController],
  providers: [FactoryAccessService],
})
export class FactoryAccessModule {}
