/**
 * The few Prometheus metric kinds the App needs, rendered in the text exposition format (version
 * 0.0.4). Written by hand instead of taking prom-client: three small types cover it, and the App
 * keeps no dependency that it does not need.
 */

export type Labels = Record<string, string>;

interface Metric {
  render(): string[];
}

/** A family of counters that only go up, one per label set. */
export class Counter implements Metric {
  readonly #values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = formatLabels(labels);
    this.#values.set(key, (this.#values.get(key) ?? 0) + by);
  }

  render(): string[] {
    return [
      ...header(this.name, this.help, "counter"),
      ...[...this.#values].map(([labels, value]) => `${this.name}${labels} ${value}`),
    ];
  }
}

/** A value read when scraped (in-flight deliveries, resident memory). */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly read: () => number,
  ) {}

  render(): string[] {
    return [...header(this.name, this.help, "gauge"), `${this.name} ${this.read()}`];
  }
}

/** Observations counted into cumulative buckets (`le`), with their sum and count. */
export class Histogram implements Metric {
  readonly #counts: number[];
  #sum = 0;
  #count = 0;
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {
    this.#counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.buckets.forEach((bound, i) => {
      if (value <= bound) this.#counts[i]!++;
    });
    this.#sum += value;
    this.#count++;
  }

  render(): string[] {
    const lines = this.buckets.map((bound, i) => `${this.name}_bucket{le="${bound}"} ${this.#counts[i]}`);
    return [
      ...header(this.name, this.help, "histogram"),
      ...lines,
      `${this.name}_bucket{le="+Inf"} ${this.#count}`,
      `${this.name}_sum ${this.#sum}`,
      `${this.name}_count ${this.#count}`,
    ];
  }
}

/** The exposition text of the metrics, in order. */
export function renderMetrics(metrics: readonly Metric[]): string {
  return `${metrics.flatMap((m) => m.render()).join("\n")}\n`;
}

function header(name: string, help: string, type: string): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
}

function formatLabels(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabelValue(value)}"`);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

/** Backslash, double quote and line feed are the characters a label value must escape. */
function escapeLabelValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}

const NEEDS_ESCAPE = /[\\"\n]/;
