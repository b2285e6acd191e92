// The public surface of both entry points (`.` and `./node`), checked against api/*.api.md
// (see @tvs/api-report): an unintended change fails here; `pnpm api-report` rewrites the reports.
import { apiReportTests } from '@tvs/api-report/vitest';

apiReportTests(new URL('..', import.meta.url));
