/** An error as the pollers log it: its name and message. */
export const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
