import { SWEMWBS_CONVERSION, type MeasureDefinition } from "./rules";

/**
 * The outcome measures the service ships, as data: seeded into OutcomeMeasure by
 * `ensureOutcomeMeasures` (demo seed and first use), and scored from the stored row.
 */
export type MeasureSeed = MeasureDefinition & {
  name: string;
  description: string;
  items: string[];
  responseLabels: string[];
};

export const SHIPPED_MEASURES: MeasureSeed[] = [
  {
    key: "swemwbs",
    name: "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
    description:
      "Seven statements about thoughts and feelings over the last two weeks, each 1 (none of the time) to 5 (all of the time). The raw total (7–35) is converted to a metric score with the published table. © NHS Health Scotland, University of Warwick and University of Edinburgh; used under licence.",
    items: [
      "I've been feeling optimistic about the future",
      "I've been feeling useful",
      "I've been feeling relaxed",
      "I've been dealing with problems well",
      "I've been thinking clearly",
      "I've been feeling close to other people",
      "I've been able to make up my own mind about things",
    ],
    responseLabels: ["None of the time", "Rarely", "Some of the time", "Often", "All of the time"],
    itemCount: 7,
    scaleMin: 1,
    scaleMax: 5,
    scoring: "swemwbs_metric",
    conversion: Object.fromEntries(Object.entries(SWEMWBS_CONVERSION).map(([k, v]) => [k, v])),
  },
  {
    key: "parenting_confidence",
    name: "Parenting confidence (service scale)",
    description: "Five statements defined by the service, each 1 (not at all confident) to 10 (completely confident); the score is the total, 5–50.",
    items: [
      "I feel confident managing my child's behaviour",
      "I know where to get help for my family",
      "I can stay calm when my child is upset",
      "I can talk with my child's school or nursery",
      "I feel confident about my child's future",
    ],
    responseLabels: ["1 Not at all confident", "2", "3", "4", "5", "6", "7", "8", "9", "10 Completely confident"],
    itemCount: 5,
    scaleMin: 1,
    scaleMax: 10,
    scoring: "sum",
    conversion: null,
  },
];
