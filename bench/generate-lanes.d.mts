export function generateLanedMap(options?: {
  touchpoints?: number;
  personas?: number;
  stages?: number;
  title?: string;
}): string;
