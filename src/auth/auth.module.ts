import { createSecretKey } from 'node:crypto';
import { Module, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '../audit/audit.module';
import { FactoriesModule } from '../factories/factories.module';
import { FactoryHoldingsService } from '../factories/factory-holdings.service';
import { authConfig, redisConfig } from '../config/configuration';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { InvitationsService } from './invitations.service';
import { PasswordResetsService } from './password-resets.service';
import {
  accountTracker,
  AuthThrottlerGuard,
  BY_ACCOUNT,
  BY_ADDRESS,
  PrefixedThrottlerStorage,
} from './auth-throttler.guard';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [
    AuditModule,
    FactoriesModule,
    OrganizationsModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [authConfig.KEY],
      useFactory: (config: ConfigType<typeof authConfig>) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries to read it as a
        // public key (createPublicKey, which throws) on every verify of every request.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.jwtTtl as `${number}h` },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY, redisConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>, redis: ConfigType<typeof redisConfig>) => ({
        throttlers: [
          { name: BY_ADDRESS, ttl: 60_000, limit: auth.addressRateLimit },
          { name: BY_ACCOUNT, ttl: 60_000, limit: auth.loginRateLimit, getTracker: accountTracker },
        ],
        storage: new PrefixedThrottlerStorage(redis.url, `${redis.prefix}:throttle`),
      }),
    }),
  ],
  controllers: [AuthController, StaffController],
  providers: [
    AuthService,
    InvitationsService,
    PasswordResetsService,
    StaffService,
    AuthThrottlerGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [InvitationsService],
})
export class AuthModule implements OnModuleInit {
  constructor(
    private readonly holdings: FactoryHoldingsService,
    private readonly invitations: InvitationsService,
  ) {}

  /** Deleting a factory revokes its managers' invitations (FactoriesService cannot import this feature). */
  onModuleInit(): void {
    this.holdings.invitations.provide(this.invitations);
  }
}
