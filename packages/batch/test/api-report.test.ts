// The public surface of every entry point, checked against api/*.api.md (see @tvs/api-report).
import { apiReportTests } from '@tvs/api-report/vitest';

apiReportTests(new URL('..', import.meta.url));
