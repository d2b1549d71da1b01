// The shared journeys (tests/e2e/journeys/journeys.mjs) in Debian's Firefox ESR, through
// puppeteer-core over WebDriver BiDi. Not named *.test.mjs: `node --test tests/e2e/` (the
// Chromium level) leaves it out; scripts/test.sh runs it as its own level, `firefox`.
import { defineJourneys } from '../journeys/journeys.mjs';
import { firefoxDriver, firefoxVersion } from '../lib/drivers.mjs';

defineJourneys(`Firefox ESR ${firefoxVersion()}`, firefoxDriver);
