export function generateMap(options?: {
  touchpoints?: number;
  personas?: number;
  stages?: number;
  title?: string;
}): string;
export function generateMapOfSize(bytes: number): string;
