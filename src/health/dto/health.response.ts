import { ApiProperty } from '@nestjs/swagger';

export class HealthIndicatorResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
}

const indicators = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorResponse' },
  example: { database: { status: 'up' }, redis: { status: 'up' } },
} as const;

/** What @nestjs/terminus answers: each dependency on its own. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @ApiProperty({ ...indicators, description: 'The dependencies that are up.' })
  info?: Record<string, HealthIndicatorResponse>;
  @ApiProperty({ ...indicators, description: 'The dependencies that are down.' })
  error?: Record<string, HealthIndicatorResponse>;
  @ApiProperty({ ...indicators, description: 'Every dependency.' })
  details: Record<string, HealthIndicatorResponse>;
}
