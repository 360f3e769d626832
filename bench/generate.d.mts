export function generateMap(options?: {
  touchpoints?: number;
  personas?: number;
  stages?: number;
  title?: string;
}): string;
export function generateMapOfSize(bytes: number): string;
export function generateRepository(
  count: number,
  options?: { touchpoints?: number },
): { shared: string; maps: Array<{ path: string; text: string }> };
