import { describe, expect, it } from "vitest";
import { Counter, Gauge, Histogram, renderMetrics } from "../../src/metrics/prometheus.js";

describe("Prometheus text format", () => {
  it("renders counters per label set, gauges when scraped, and cumulative histogram buckets", () => {
    const counter = new Counter("x_total", "Things.");
    counter.inc({ kind: "a" });
    counter.inc({ kind: "a" }, 2);
    counter.inc({ kind: 'say "hi"\\\n' });
    const histogram = new Histogram("y_seconds", "Time.", [0.1, 1]);
    histogram.observe(0.05);
    histogram.observe(0.5);
    histogram.observe(3);

    expect(renderMetrics([counter, new Gauge("z", "Now.", () => 7), histogram])).toBe(
      [
        "# HELP x_total Things.",
        "# TYPE x_total counter",
        'x_total{kind="a"} 3',
        'x_total{kind="say \\"hi\\"\\\\\\n"} 1',
        "# HELP z Now.",
        "# TYPE z gauge",
        "z 7",
        "# HELP y_seconds Time.",
        "# TYPE y_seconds histogram",
        'y_seconds_bucket{le="0.1"} 1',
        'y_seconds_bucket{le="1"} 2',
        'y_seconds_bucket{le="+Inf"} 3',
        "y_seconds_sum 3.55",
        "y_seconds_count 3",
        "",
      ].join("\n"),
    );
  });
});
