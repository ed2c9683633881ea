// Electron entry (package.json "main" → out/main/index.js). The shell lives in ./electron.
import { startShell } from './electron/shell';

startShell();
