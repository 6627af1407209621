import { checkSigningSecret } from './configuration';
import { EnvironmentError, parseEnvironment } from './environment';

/**
 * Imported first by the entry points: a wrong variable stops the program with one line
 * that names it, before Nest prints anything.
 */
try {
  checkSigningSecret(parseEnvironment(process.env));
} catch (error) {
  if (error instanceof EnvironmentError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
