/** File extensions read as specs (kept apart from the loader so listing files stays cheap). */
export const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
