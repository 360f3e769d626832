export function generateBlueprint(options?: {
  touchpoints?: number;
  stages?: number;
  arrows?: number;
  textWords?: number;
  stageValues?: boolean;
}): string;
