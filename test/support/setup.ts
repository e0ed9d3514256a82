/**
 * Runs before every test file: the store freezes what it holds, so a test that makes the executor
 * change a stored record in place fails with a TypeError instead of passing (src/store/sharded.ts).
 */
import { setFreezeStored } from '../../src/store/sharded.js';

setFreezeStored(true);
