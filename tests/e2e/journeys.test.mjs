// The shared journeys (tests/e2e/journeys/journeys.mjs) in Chromium, through playwright-core.
// The same journeys run in Firefox ESR from tests/e2e/firefox/journeys.firefox.mjs.
import { defineJourneys } from './journeys/journeys.mjs';
import { chromiumDriver } from './lib/drivers.mjs';

defineJourneys('Chromium', chromiumDriver);
