import 'reflect-metadata';

// End-to-end specs set their own environment per file (test/support/app.ts); keep the
// developer's shell from leaking in.
for (const key of ['DATABASE_URL', 'DATA_DIR', 'SMTP_URL', 'QUEUE_PREFIX', 'PORT']) delete process.env[key];
process.env.NODE_ENV = 'test';
