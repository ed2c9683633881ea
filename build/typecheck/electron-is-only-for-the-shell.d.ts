// Outside src/main/electron and src/preload, tsconfig maps `electron` here, so any use of
// it fails to compile with "has no exported member". See build/typecheck/README.md.
declare const electronIsOnlyForTheShell: never;
export default electronIsOnlyForTheShell;
